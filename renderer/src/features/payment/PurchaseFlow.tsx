import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Money } from '../../../../shared/api/primitives';
import type { ClientDetail } from '../../../../shared/ipc/models';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { api } from '../../api/bridge';
import { isFinal, rememberPurchase, useActivePurchase, usePurchase } from '../../api/purchases';
import { useAccount, useCatalog } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import { samePrice } from '../../../../shared/domain/money';
import { ConfirmTopUpDialog } from '../manual-reload/ConfirmTopUpDialog';
import { PaymentDialog } from './PaymentDialog';
import { usePurchaseFlowStore } from './purchase-flow-store';

interface Launch {
  /** Bumped per attempt so a retry opens with a clean dialog. */
  attempt: number;
  starting: boolean;
  error: unknown;
  /** The price the manager confirmed for this attempt; a retry of a start that failed pays the same. */
  expectedPrice: Money | null;
}

interface PurchaseFlowProps {
  client: ClientDetail;
  /** Brings up the Credits tab, where a top up that did go through shows. */
  onShowCredits(): void;
}

/**
 * The buy flow for one client page: confirm, then the payment window. It also
 * reopens the payment window for a purchase still in flight when the page opens.
 */
export function PurchaseFlow({ client, onShowCredits }: PurchaseFlowProps) {
  const queryClient = useQueryClient();
  const step = usePurchaseFlowStore((state) => state.step);
  const confirm = usePurchaseFlowStore((state) => state.confirm);
  const showPayment = usePurchaseFlowStore((state) => state.showPayment);
  const closeFlow = usePurchaseFlowStore((state) => state.close);
  const markSucceeded = usePurchaseFlowStore((state) => state.succeeded);
  const catalog = useCatalog();
  const account = useAccount();
  const active = useActivePurchase(client.id);
  const [launch, setLaunch] = useState<Launch>({
    attempt: 0,
    starting: false,
    error: null,
    expectedPrice: null,
  });
  const launching = useRef(false);
  // Closed while still unsettled: left to the core to reconcile, not reopened during this visit.
  const leftOpen = useRef(new Set<string>());

  const activePurchase = active.data ?? null;
  useEffect(() => {
    if (!activePurchase || step || leftOpen.current.has(activePurchase.id)) return;
    showPayment(client.id, activePurchase.packId, activePurchase.id);
  }, [activePurchase, step, client.id, showPayment]);

  useEffect(() => closeFlow, [closeFlow]);

  const shown = usePurchase(step?.kind === 'payment' ? step.purchaseId : null).data ?? null;
  useEffect(() => {
    if (shown?.state === 'succeeded') markSucceeded(shown.clientId, shown.id);
  }, [shown, markSucceeded]);

  async function begin(packId: string, expectedPrice: Money, replacing: Purchase | null) {
    // A double click lands here twice before React re-renders; only the first may start a charge.
    if (launching.current) return;
    launching.current = true;
    setLaunch((current) => ({ attempt: current.attempt + 1, starting: true, error: null, expectedPrice }));
    showPayment(client.id, packId, null);
    try {
      if (replacing && !isFinal(replacing)) {
        rememberPurchase(queryClient, await api.invoke('purchases.cancel', { purchaseId: replacing.id }));
      }
      const purchase = await api.invoke('purchases.start', { clientId: client.id, packId, expectedPrice });
      rememberPurchase(queryClient, purchase);
      showPayment(client.id, packId, purchase.id);
      setLaunch((current) => ({ ...current, starting: false }));
    } catch (error) {
      // The charge may have left before the failure: a purchase in flight is the truth to show.
      const inFlight = await api.invoke('purchases.active', { clientId: client.id }).catch(() => null);
      if (inFlight) {
        rememberPurchase(queryClient, inFlight);
        showPayment(client.id, packId, inFlight.id);
      } else {
        // A price refused by the billing service (or already moved in the cache) leaves no purchase to show:
        // the pack list, which the core has refreshed, tells that apart from other failures.
        await queryClient.refetchQueries({ queryKey: queryKeys.catalog });
      }
      setLaunch((current) => ({ ...current, starting: false, error: inFlight ? null : error }));
    } finally {
      launching.current = false;
    }
  }

  function retry(packId: string, replacing: Purchase | null) {
    // A retry pays the price confirmed before; without one the manager must see the price again.
    const price = replacing?.amount ?? launch.expectedPrice;
    if (price) void begin(packId, price, replacing);
    else confirm(client.id, packId);
  }

  function reviewPrice(packId: string) {
    // The core refreshes the cached packs and says so; asking now covers that event landing after the click.
    void queryClient.invalidateQueries({ queryKey: queryKeys.catalog });
    confirm(client.id, packId, launch.expectedPrice ?? undefined);
  }

  if (!step || step.clientId !== client.id) return null;
  const pack = catalog.data?.packs.find((candidate) => candidate.id === step.packId);
  const { expectedPrice } = launch;
  const priceChanged = Boolean(pack && expectedPrice && !samePrice(pack.price, expectedPrice));

  if (step.kind === 'confirm') {
    if (!pack) return null;
    return (
      <ConfirmTopUpDialog
        client={client}
        pack={pack}
        previousPrice={step.previousPrice}
        onCancel={closeFlow}
        onConfirm={(price) => void begin(step.packId, price, null)}
      />
    );
  }
  return (
    <PaymentDialog
      key={launch.attempt}
      clientName={client.name}
      pack={pack}
      purchaseId={step.purchaseId}
      checkStatus={step.checkStatus}
      starting={launch.starting}
      startError={launch.error}
      priceChanged={priceChanged}
      card={account.data?.card ?? null}
      receiptEmail={account.data?.userEmail ?? null}
      autoReloadClients={account.data?.autoReloadClients ?? 0}
      onRetry={(replacing) => retry(step.packId, replacing)}
      onReviewPrice={() => reviewPrice(step.packId)}
      onShowCredits={onShowCredits}
      onClose={(purchase) => {
        if (purchase && !isFinal(purchase)) leftOpen.current.add(purchase.id);
        closeFlow();
      }}
    />
  );
}
