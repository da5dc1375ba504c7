import { PRICE_CHANGED } from '../../../../shared/api/payments-api';
import type { Purchase } from '../../../../shared/ipc/purchase-models';

/** What the dialog is doing on its own, on top of the purchase state the core reports. */
export type LocalPhase =
  | { kind: 'none' }
  | { kind: 'authenticating' }
  | { kind: 'auth_failed'; message: string }
  | { kind: 'checkout' }
  | { kind: 'confirming' }
  | { kind: 'canceling' }
  /** Stripe finished but the core could not yet say whether the money moved. */
  | { kind: 'unconfirmed' };

export type PaymentView =
  | 'charging'
  | 'start_failed'
  | 'unknown'
  | 'needs_review'
  | 'authenticating'
  | 'auth_failed'
  | 'declined'
  | 'checkout'
  | 'confirming'
  | 'canceling'
  | 'success'
  | 'canceled'
  | 'failed'
  | 'price_changed';

export interface PaymentViewInput {
  purchase: Purchase | undefined;
  /** The start call (or a retry's cancel-then-start) is still on its way. */
  starting: boolean;
  startFailed: boolean;
  /** The start was refused and the pack costs something else now than the price confirmed. */
  priceChanged: boolean;
  local: LocalPhase;
}

/** One screen per moment of the payment; the core saying "succeeded" always wins over local steps. */
export function paymentView(input: PaymentViewInput): PaymentView {
  const { purchase, starting, startFailed, priceChanged, local } = input;
  if (starting) return 'charging';
  if (!purchase) {
    if (!startFailed) return 'charging';
    return priceChanged ? 'price_changed' : 'start_failed';
  }
  if (purchase.state === 'succeeded') return 'success';
  // A failed 3-D Secure check may end the purchase; the person still needs to hear why, and a way to retry.
  if (local.kind === 'auth_failed') return 'auth_failed';
  switch (purchase.state) {
    case 'canceled':
      return 'canceled';
    case 'failed':
      return purchase.paymentError?.code === PRICE_CHANGED ? 'price_changed' : 'failed';
    default:
      break;
  }
  if (local.kind === 'canceling' || local.kind === 'confirming') {
    return local.kind;
  }
  // The core's own verdict that it cannot settle the purchase outranks the dialog's "not confirmed yet".
  if (purchase.state === 'needs_review') return 'needs_review';
  if (local.kind === 'unconfirmed') return 'unknown';
  switch (purchase.state) {
    case 'requires_action':
      return 'authenticating';
    case 'requires_payment_method':
      return local.kind === 'checkout' ? 'checkout' : 'declined';
    default:
      // Not starting any more, yet no outcome: the charge's answer was lost and the core will reconcile it.
      return 'unknown';
  }
}

/** Whether closing the dialog at this point must first call the purchase off. */
export function closingCancels(view: PaymentView): boolean {
  return view === 'declined' || view === 'checkout' || view === 'auth_failed';
}

/** Views where nothing may interrupt: money may be moving and the answer is moments away. */
export function isBusy(view: PaymentView): boolean {
  return view === 'charging' || view === 'confirming' || view === 'canceling' || view === 'authenticating';
}
