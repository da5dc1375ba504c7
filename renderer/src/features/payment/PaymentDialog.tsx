import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { PackModel, SavedCard } from '../../../../shared/ipc/models';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { isFinal, useCancelPurchase, usePurchase, useRefreshPurchase } from '../../api/purchases';
import { queryKeys } from '../../api/query-keys';
import { messageFor } from '../../components/error-message';
import { Modal } from '../../components/Modal';
import { describeCard } from './describe-card';
import { EmbeddedCheckoutFrame } from './EmbeddedCheckoutFrame';
import { closingCancels, isBusy, paymentView, type LocalPhase, type PaymentView } from './payment-view';
import { PaymentSuccess } from './PaymentSuccess';
import { Actions, CANCELED_MESSAGE, Outcome, Progress } from './PaymentViews';
import {
  DeclinedOutcome,
  NeedsReviewOutcome,
  PriceChangedOutcome,
  UnconfirmedOutcome,
} from './UnsettledViews';
import { useNextAction } from './use-next-action';
import './payment.css';

export interface PaymentDialogProps {
  clientName: string;
  pack: PackModel | undefined;
  purchaseId: string | null;
  /** Ask the billing API where an unconfirmed charge stands as soon as the window opens. */
  checkStatus: boolean;
  starting: boolean;
  startError: unknown;
  /** The start was refused and the pack costs something else now than the price confirmed. */
  priceChanged: boolean;
  /** The saved card, for the progress line before the core names the card it charged. */
  card: SavedCard | null;
  /** Where the billing service emails its confirmation, once the account is loaded. */
  receiptEmail: string | null;
  /** Clients whose Auto Reload the agency's card pays for: a decline stops those too. */
  autoReloadClients: number;
  /** Start over with the same pack; `replacing` is called off first when it is still open. */
  onRetry(replacing: Purchase | null): void;
  /** Back to Confirm top up for the same pack, at the price the pack costs now. */
  onReviewPrice(): void;
  /** The client's credit log, where a top up that did go through shows. */
  onShowCredits(): void;
  onClose(purchase: Purchase | undefined): void;
}

function subtitleOf(clientName: string, pack: PackModel | undefined, purchase: Purchase | undefined) {
  const tokens = purchase?.tokens ?? pack?.tokens;
  const amount = purchase?.amount ?? pack?.price;
  if (tokens === undefined || !amount) return clientName;
  return `${formatTokens(tokens)} for ${clientName} · ${formatMoney(amount)}`;
}

/** The Stripe payment window: follows one purchase from the charge to its outcome. */
export function PaymentDialog(props: PaymentDialogProps) {
  const { clientName, pack, purchaseId, starting, startError, priceChanged, card, receiptEmail } = props;
  const { autoReloadClients, checkStatus } = props;
  const { onRetry, onReviewPrice, onShowCredits, onClose } = props;
  const queryClient = useQueryClient();
  const purchaseQuery = usePurchase(purchaseId);
  const purchase = purchaseId ? (purchaseQuery.data ?? undefined) : undefined;
  const refresh = useRefreshPurchase();
  const cancel = useCancelPurchase();
  const [local, setLocal] = useState<LocalPhase>({ kind: 'none' });
  const [actionError, setActionError] = useState<unknown>(null);
  const retryAuthentication = useNextAction({ purchase, setLocal, refresh: refresh.mutateAsync });
  const view = paymentView({ purchase, starting, startFailed: startError !== null, priceChanged, local });

  async function callOff(target: Purchase) {
    setLocal({ kind: 'canceling' });
    setActionError(null);
    try {
      await cancel.mutateAsync(target.id);
    } catch (error) {
      setActionError(error);
    } finally {
      setLocal({ kind: 'none' });
    }
  }

  /** Asks the billing API where the purchase stands (the same idempotency key, never a second charge). */
  async function confirmWithApi(target: Purchase, { cardChanged }: { cardChanged: boolean }) {
    setLocal({ kind: 'confirming' });
    setActionError(null);
    try {
      await refresh.mutateAsync(target.id);
    } catch (error) {
      setActionError(error);
    } finally {
      // Checkout saved the new card as the default: every screen that names the card must show it.
      if (cardChanged) void queryClient.invalidateQueries({ queryKey: queryKeys.account });
      setLocal({ kind: 'none' });
    }
  }

  function dismiss() {
    if (isBusy(view)) return;
    if (purchase && closingCancels(view)) {
      if (view === 'auth_failed') {
        // It already said no charge was made, so it closes without a second outcome; only once the call-off
        // has freed the client's purchase slot, so that focus goes back to a Continue that is enabled again.
        setLocal({ kind: 'canceling' });
        void cancel
          .mutateAsync(purchase.id)
          .catch(() => undefined)
          .finally(() => onClose(purchase));
      } else void callOff(purchase);
      return;
    }
    onClose(purchase);
  }

  const statusChecked = useRef(false);
  useEffect(() => {
    if (!checkStatus || statusChecked.current || !purchase || isFinal(purchase)) return;
    statusChecked.current = true;
    void confirmWithApi(purchase, { cardChanged: false });
  });

  const chargedCard = purchase?.card ?? card;
  const close = { label: 'Close', onClick: () => onClose(purchase) };
  const checkAgain = {
    label: 'Check again',
    primary: true,
    onClick: () => purchase && void confirmWithApi(purchase, { cardChanged: false }),
  };

  function body(current: PaymentView) {
    switch (current) {
      case 'charging':
        return <Progress>Charging {chargedCard ? describeCard(chargedCard) : 'your card'}…</Progress>;
      case 'authenticating':
        return (
          <Progress hint="Complete the check in the window your bank opened.">
            Waiting for your bank to confirm the payment…
          </Progress>
        );
      case 'confirming':
        return <Progress>Confirming the payment…</Progress>;
      case 'canceling':
        return <Progress>Canceling…</Progress>;
      case 'unknown':
        return (
          <>
            <UnconfirmedOutcome purchase={purchase} />
            <Actions actions={[close, checkAgain]} />
          </>
        );
      case 'needs_review':
        // No Cancel: the charge may have gone through, and only the billing service can say.
        return purchase ? (
          <>
            <NeedsReviewOutcome purchase={purchase} />
            <Actions
              actions={[
                close,
                {
                  label: 'Open credit log',
                  onClick: () => {
                    onClose(purchase);
                    onShowCredits();
                  },
                },
                checkAgain,
              ]}
            />
          </>
        ) : null;
      case 'price_changed':
        return (
          <>
            <PriceChangedOutcome message={purchase?.paymentError?.message ?? messageFor(startError)} />
            <Actions
              actions={[close, { label: 'Review new price', primary: true, onClick: onReviewPrice }]}
            />
          </>
        );
      case 'start_failed':
        return (
          <>
            <Outcome tone="danger" title="The payment didn't start. No charge was made.">
              <p className="payment-state__text">{messageFor(startError)}</p>
            </Outcome>
            <Actions actions={[close, { label: 'Try again', primary: true, onClick: () => onRetry(null) }]} />
          </>
        );
      case 'auth_failed':
        return (
          <>
            <Outcome
              tone="danger"
              title={
                local.kind === 'auth_failed' ? local.message : 'Authentication failed. No charge was made.'
              }
            />
            <Actions
              actions={[
                { label: 'Close', onClick: dismiss },
                {
                  label: 'Try again',
                  primary: true,
                  onClick: () => {
                    if (purchase?.state === 'requires_action') {
                      setLocal({ kind: 'none' });
                      retryAuthentication();
                    } else onRetry(purchase ?? null);
                  },
                },
              ]}
            />
          </>
        );
      case 'declined':
        return (
          <>
            <DeclinedOutcome purchase={purchase} card={chargedCard} autoReloadClients={autoReloadClients} />
            <Actions
              actions={[
                { label: 'Cancel', onClick: dismiss },
                {
                  label: 'Pay with a different card',
                  primary: true,
                  onClick: () => setLocal({ kind: 'checkout' }),
                },
              ]}
            />
          </>
        );
      case 'checkout':
        return purchase ? (
          <>
            <p className="muted">
              Enter a different card. It replaces the agency's card for every client: this top-up, later
              top-ups and Auto Reloads.
            </p>
            <EmbeddedCheckoutFrame
              purchaseId={purchase.id}
              onComplete={() => void confirmWithApi(purchase, { cardChanged: true })}
              onError={setActionError}
            />
            <Actions actions={[{ label: 'Cancel', onClick: dismiss }]} />
          </>
        ) : null;
      case 'success':
        return purchase ? (
          <PaymentSuccess
            purchase={purchase}
            clientName={clientName}
            receiptEmail={receiptEmail}
            onDone={() => onClose(purchase)}
          />
        ) : null;
      case 'canceled':
        return (
          <>
            <Outcome tone="info" title={CANCELED_MESSAGE} />
            <Actions actions={[{ ...close, primary: true }]} />
          </>
        );
      case 'failed':
        return (
          <>
            <Outcome
              tone="danger"
              title={purchase?.paymentError?.message ?? 'The payment failed. No charge was made.'}
            />
            <Actions actions={[{ ...close, primary: true }]} />
          </>
        );
    }
  }

  return (
    <Modal
      open
      title="Stripe payment"
      subtitle={subtitleOf(clientName, pack, purchase)}
      size={view === 'checkout' ? 'lg' : 'md'}
      dismissible={!isBusy(view)}
      modal={view !== 'authenticating'}
      onDismiss={dismiss}
    >
      {body(view)}
      {actionError !== null && (
        <p className="form-error" role="alert">
          {messageFor(actionError)}
        </p>
      )}
    </Modal>
  );
}
