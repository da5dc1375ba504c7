import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ClientDetail } from '../../../../shared/ipc/models';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { api } from '../../api/bridge';
import { isFinal, rememberPurchase, useActivePurchase } from '../../api/purchases';
import { useAccount, useCatalog } from '../../api/queries';
import { ConfirmTopUpDialog } from '../manual-reload/ConfirmTopUpDialog';
import { PaymentDialog } from './PaymentDialog';
import { usePurchaseFlowStore } from './purchase-flow-store';

interface Launch {
  /** Bumped per attempt so a retry opens with a clean dialog. */
  attempt: number;
  starting: boolean;
  error: unknown;
}

/**
 * The buy flow for one client page: confirm, then the payment window. It also
 * reopens the payment window for a purchase still in flight when the page opens.
 */
export function PurchaseFlow({ client }: { client: ClientDetail }) {
  const queryClient = useQueryClient();
  const step = usePurchaseFlowStore((state) => state.step);
  const showPayment = usePurchaseFlowStore((state) => state.showPayment);
  const closeFlow = usePurchaseFlowStore((state) => state.close);
  const catalog = useCatalog();
  const account = useAccount();
  const active = useActivePurchase(client.id);
  const [launch, setLaunch] = useState<Launch>({ attempt: 0, starting: false, error: null });
  const launching = useRef(false);
  // Closed while still unsettled: left to the core to reconcile, not reopened during this visit.
  const leftOpen = useRef(new Set<string>());

  const activePurchase = active.data ?? null;
  useEffect(() => {
    if (!activePurchase || step || leftOpen.current.has(activePurchase.id)) return;
    showPayment(client.id, activePurchase.packId, activePurchase.id);
  }, [activePurchase, step, client.id, showPayment]);

  useEffect(() => closeFlow, [closeFlow]);

  async function begin(packId: string, replacing: Purchase | null) {
    // A double click lands here twice before React re-renders; only the first may start a charge.
    if (launching.current) return;
    launching.current = true;
    setLaunch((current) => ({ attempt: current.attempt + 1, starting: true, error: null }));
    showPayment(client.id, packId, null);
    try {
      if (replacing && !isFinal(replacing)) {
        rememberPurchase(queryClient, await api.invoke('purchases.cancel', { purchaseId: replacing.id }));
      }
      const purchase = await api.invoke('purchases.start', { clientId: client.id, packId });
      rememberPurchase(queryClient, purchase);
      showPayment(client.id, packId, purchase.id);
      setLaunch((current) => ({ ...current, starting: false }));
    } catch (error) {
      // The charge may have left before the failure: a purchase in flight is the truth to show.
      const inFlight = await api.invoke('purchases.active', { clientId: client.id }).catch(() => null);
      if (inFlight) {
        rememberPurchase(queryClient, inFlight);
        showPayment(client.id, packId, inFlight.id);
      }
      setLaunch((current) => ({ ...current, starting: false, error: inFlight ? null : error }));
    } finally {
      launching.current = false;
    }
  }

  if (!step || step.clientId !== client.id) return null;
  const pack = catalog.data?.packs.find((candidate) => candidate.id === step.packId);

  if (step.kind === 'confirm') {
    if (!pack) return null;
    return (
      <ConfirmTopUpDialog
        client={client}
        pack={pack}
        onCancel={closeFlow}
        onConfirm={() => void begin(step.packId, null)}
      />
    );
  }
  return (
    <PaymentDialog
      key={launch.attempt}
      clientName={client.name}
      pack={pack}
      purchaseId={step.purchaseId}
      starting={launch.starting}
      startError={launch.error}
      card={account.data?.card ?? null}
      onRetry={(replacing) => void begin(step.packId, replacing)}
      onClose={(purchase) => {
        if (purchase && !isFinal(purchase)) leftOpen.current.add(purchase.id);
        closeFlow();
      }}
    />
  );
}
