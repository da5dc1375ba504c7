import { create } from 'zustand';
import type { Money } from '../../../../shared/api/primitives';

/** Where the buy flow is: choosing to confirm a pack, or watching a purchase the core is running. */
export type PurchaseFlowStep =
  /** `previousPrice` is set when the billing service refused that price because the pack's price changed. */
  | { kind: 'confirm'; clientId: string; packId: string; previousPrice: Money | null }
  /** `checkStatus`: ask the billing API where the charge stands as the window opens ("Check status"). */
  | { kind: 'payment'; clientId: string; packId: string; purchaseId: string | null; checkStatus: boolean };

interface PurchaseFlowState {
  step: PurchaseFlowStep | null;
  /** Per client, the last purchase seen to succeed in this window: a pack chosen before it has been bought. */
  lastSucceeded: Record<string, string>;
  succeeded(clientId: string, purchaseId: string): void;
  confirm(clientId: string, packId: string, previousPrice?: Money): void;
  /** `purchaseId` is null while the core has not answered the start call yet. */
  showPayment(
    clientId: string,
    packId: string,
    purchaseId: string | null,
    options?: { checkStatus: boolean },
  ): void;
  close(): void;
}

/** One flow at a time for the whole window: the dialogs are modal, so two could never both be answered. */
export const usePurchaseFlowStore = create<PurchaseFlowState>()((set) => ({
  step: null,
  lastSucceeded: {},
  succeeded: (clientId, purchaseId) =>
    set((state) =>
      state.lastSucceeded[clientId] === purchaseId
        ? state
        : { lastSucceeded: { ...state.lastSucceeded, [clientId]: purchaseId } },
    ),
  confirm: (clientId, packId, previousPrice) =>
    set({ step: { kind: 'confirm', clientId, packId, previousPrice: previousPrice ?? null } }),
  showPayment: (clientId, packId, purchaseId, options) =>
    set({
      step: { kind: 'payment', clientId, packId, purchaseId, checkStatus: options?.checkStatus ?? false },
    }),
  close: () => set({ step: null }),
}));
