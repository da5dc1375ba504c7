/** What the manager reads about a purchase: plain words that say what happened and what to do. */
import type { Money } from '../../../shared/api/primitives';
import { formatInteger, formatMoney } from '../../../shared/domain/format';
import type { PurchasePaymentError } from '../../../shared/ipc/purchase-models';
import type { PurchaseRecord } from '../db/journal/purchase-journal-repo';

export const OFFLINE_PURCHASE = 'Offline — purchases need a connection';

export const NOT_SENT: PurchasePaymentError = {
  code: 'not_sent',
  declineCode: null,
  message: 'The purchase was not sent to the billing service; no charge was made.',
};

export const CANCELED: PurchasePaymentError = {
  code: 'canceled',
  declineCode: null,
  message: 'The top up was canceled; no charge was made.',
};

/** The key is too old to replay and the billing API found no top-up made with it. */
export const NOT_CHARGED: PurchasePaymentError = {
  code: 'not_charged',
  declineCode: null,
  message: 'The billing service has no payment for this purchase; no charge was made.',
};

/** Stripe asks for a kind of step (`next_action.type`) this version cannot take; Checkout can. */
export function unsupportedStepError(step: string): PurchasePaymentError {
  return {
    code: 'unsupported_next_action',
    declineCode: null,
    message:
      `The bank asks for a step this version of the app can't show (“${step}”). ` +
      'Finish the payment in Checkout; nothing is charged twice.',
  };
}

/** Only for the first request ever sent with a purchase's key, refused before anything could be charged. */
export function refusedError(detail: string): PurchasePaymentError {
  return { code: 'refused', declineCode: null, message: `${detail} No charge was made.` };
}

export function priceChangedError(confirmed: Money, current: Money | null): PurchasePaymentError {
  const now = current ? ` is now ${formatMoney(current)}` : ' has changed';
  return {
    code: 'price_changed',
    declineCode: null,
    message:
      `The price of this pack${now} (you confirmed ${formatMoney(confirmed)}). No charge was made. ` +
      'Review the new price and confirm again.',
  };
}

export const PRICE_MOVED_IN_CACHE =
  'The price of this pack has just changed. No charge was made. Review the new price and confirm again.';

export const NO_WORKSPACE =
  'Wait until the first sync with the billing service has finished, then buy again.';

function label(record: PurchaseRecord): string {
  return `${formatInteger(record.tokens)} tokens for ${record.clientName}`;
}

export function inFlightConflict(record: PurchaseRecord): string {
  return (
    `A top up of ${label(record)} is already in progress. ` +
    'Finish or cancel it before buying another pack for this client.'
  );
}

export const CANNOT_CANCEL_REVIEW =
  'This payment needs review, so it cannot be canceled here: it may already have been charged. ' +
  'Check again, or look for it in the credit log.';

export const CANNOT_CANCEL_PROCESSING =
  'This payment is still being confirmed with the billing service, so it cannot be canceled now. ' +
  'It will be confirmed automatically and can never be charged twice.';

export function alreadyPaid(record: PurchaseRecord): string {
  return `The top up of ${label(record)} has already been paid; its tokens were added.`;
}

export function nothingToPay(record: PurchaseRecord): string {
  return `The top up of ${label(record)} is ${record.state.replace(/_/g, ' ')}; there is nothing to pay.`;
}

export type ReconcileTrigger = 'restart' | 'online';

/** The notice for a purchase whose outcome reconciliation learned, or null when there is nothing new to say. */
export function reconciledNotice(
  before: PurchaseRecord,
  after: PurchaseRecord,
  trigger: ReconcileTrigger,
): { level: 'info' | 'warning' | 'error'; message: string } | null {
  const subject = `Top up for ${after.clientName}`;
  const when =
    trigger === 'restart' ? 'after the app restarted' : 'once the billing service could be reached';
  if (after.state === 'succeeded' && before.state !== 'succeeded')
    return { level: 'info', message: `${subject}: ${formatInteger(after.tokens)} tokens added ${when}.` };
  if (after.state === 'canceled' && before.state === 'pending')
    return { level: 'info', message: `${subject} was not sent before the app closed; no charge was made.` };
  if (after.state === 'canceled' && before.state !== 'canceled')
    return { level: 'info', message: `${subject} was canceled; no charge was made.` };
  if (after.state === 'needs_review' && before.state !== 'needs_review')
    return {
      level: 'warning',
      message:
        `${subject} needs review: ${after.lastAnswer?.detail ?? 'its outcome could not be confirmed.'} ` +
        "Open the client's Settings to check it again.",
    };
  if (after.state === 'processing' && after.lastAnswer && trigger === 'restart')
    return {
      level: 'warning',
      message: `${subject}: we couldn't confirm this payment yet. ${after.lastAnswer.advice}`,
    };
  if (after.state === 'failed' && before.state !== 'failed')
    return {
      level: 'error',
      message: `${subject} failed: ${after.paymentError?.message ?? 'no reason given.'}`,
    };
  if (after.state === 'requires_payment_method' && trigger === 'restart')
    return {
      level: 'warning',
      message: `${subject} needs another card: ${after.paymentError?.message ?? 'the card was declined.'}`,
    };
  if (after.state === 'requires_action' && trigger === 'restart')
    return {
      level: 'info',
      message: `${subject} is waiting for card authentication. Open the client's Settings to finish or cancel it.`,
    };
  return null;
}
