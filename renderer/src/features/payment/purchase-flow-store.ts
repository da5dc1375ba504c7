import { create } from 'zustand';

/** Where the buy flow is: choosing to confirm a pack, or watching a purchase the core is running. */
export type PurchaseFlowStep =
  | { kind: 'confirm'; clientId: string; packId: string }
  | { kind: 'payment'; clientId: string; packId: string; purchaseId: string | null };

interface PurchaseFlowState {
  step: PurchaseFlowStep | null;
  confirm(clientId: string, packId: string): void;
  /** `purchaseId` is null while the core has not answered the start call yet. */
  showPayment(clientId: string, packId: string, purchaseId: string | null): void;
  close(): void;
}

/** One flow at a time for the whole window: the dialogs are modal, so two could never both be answered. */
export const usePurchaseFlowStore = create<PurchaseFlowState>()((set) => ({
  step: null,
  confirm: (clientId, packId) => set({ step: { kind: 'confirm', clientId, packId } }),
  showPayment: (clientId, packId, purchaseId) =>
    set({ step: { kind: 'payment', clientId, packId, purchaseId } }),
  close: () => set({ step: null }),
}));
