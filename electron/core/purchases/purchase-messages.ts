/** What the manager reads about a purchase: plain words that say what happened and what to do. */
import { formatInteger } from '../../../shared/domain/format';
import type { PurchasePaymentError } from '../../../shared/ipc/purchase-models';
import type { PurchaseRecord } from '../db/repositories/purchase-journal-repo';

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

export function refusedError(detail: string): PurchasePaymentError {
  return { code: 'refused', declineCode: null, message: `${detail} No charge was made.` };
}

function label(record: PurchaseRecord): string {
  return `${formatInteger(record.tokens)} tokens for ${record.clientName}`;
}

export function inFlightConflict(record: PurchaseRecord): string {
  return (
    `A top up of ${label(record)} is already in progress. ` +
    'Finish or cancel it before buying another pack for this client.'
  );
}

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
