import { useActivePurchase } from '../../api/purchases';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';
import { openPurchaseWording } from './open-purchase-wording';

/** Ids the notice gives its title, so the button that stands in for Continue can name why. */
export const openPurchaseTitleId = (clientId: string) => `open-purchase-${clientId}`;

/** The client's one unsettled purchase, how to speak of it, and the way back to its payment window. */
export function useOpenPurchase(clientId: string) {
  const purchase = useActivePurchase(clientId).data ?? null;
  const showPayment = usePurchaseFlowStore((state) => state.showPayment);
  if (!purchase) return null;
  const wording = openPurchaseWording(purchase);
  return {
    purchase,
    wording,
    open: () => showPayment(clientId, purchase.packId, purchase.id, { checkStatus: wording.checksStatus }),
  };
}
