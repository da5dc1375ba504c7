import { formatDateTime, formatInteger } from '../../../../shared/domain/format';
import { describePaymentError } from '../../../../shared/domain/payment-error-text';
import type { SavedCard } from '../../../../shared/ipc/models';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { asSentence } from '../../lib/sentence';
import { describeCard } from './describe-card';
import { Outcome } from './PaymentViews';

const NOT_CONFIRMED_YET = "We couldn't confirm this payment yet.";
const UNKNOWN_MESSAGE = `${NOT_CONFIRMED_YET} We'll check again automatically \u2014 you won't be charged twice.`;
const NEEDS_REVIEW_TITLE = 'This payment needs review';
const PRICE_CHANGED_TITLE = 'The price of this pack changed';

/**
 * The outcome is not known yet. When the billing service answered something the
 * core could not act on, its advice replaces "we'll check automatically", which
 * would not be true until the manager does something.
 */
export function UnconfirmedOutcome({ purchase }: { purchase: Purchase | undefined }) {
  const answer = purchase?.lastAnswer ?? null;
  if (!answer) return <Outcome tone="info" title={UNKNOWN_MESSAGE} />;
  return (
    <Outcome tone="info" title={`${NOT_CONFIRMED_YET} ${answer.advice}`}>
      <p className="payment-state__text muted">{asSentence(answer.detail)}</p>
    </Outcome>
  );
}

/** What support needs to trace the payment, and what the manager can compare with the credit log. */
function ReviewEvidence({ purchase }: { purchase: Purchase }) {
  const answer = purchase.lastAnswer;
  return (
    <dl className="facts payment-facts review-facts">
      <div className="facts__row">
        <dt>Reference</dt>
        <dd className="review-facts__reference">{purchase.idempotencyKey}</dd>
      </div>
      <div className="facts__row">
        <dt>Started</dt>
        <dd className="num">{formatDateTime(purchase.createdAt)}</dd>
      </div>
      {answer && (
        <div className="facts__row">
          <dt>Last answer</dt>
          <dd>
            <span>{answer.detail}</span>
            <span className="facts__note num">{formatDateTime(answer.at)}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The core could not settle it by itself: say plainly that the money may have moved, and show the evidence. */
export function NeedsReviewOutcome({ purchase }: { purchase: Purchase }) {
  return (
    <>
      <Outcome tone="warning" title={NEEDS_REVIEW_TITLE}>
        <p className="payment-state__text">
          The card may or may not have been charged for this top up. It will never be charged twice: every
          check uses the same reference.
        </p>
        <p className="payment-state__text muted">
          {purchase.lastAnswer?.advice ?? 'Check again, or look for the top up in the credit log.'}
        </p>
      </Outcome>
      <ReviewEvidence purchase={purchase} />
    </>
  );
}

/** Nothing was charged; the core's message names the price confirmed and the one the pack costs now. */
export function PriceChangedOutcome({ message }: { message: string }) {
  return (
    <Outcome tone="warning" title={PRICE_CHANGED_TITLE}>
      <p className="payment-state__text">{message}</p>
    </Outcome>
  );
}

interface DeclinedOutcomeProps {
  purchase: Purchase | undefined;
  /** The card charged, or the agency's saved card before the core names it. */
  card: SavedCard | null;
  /** Clients whose Auto Reload the same card pays for. */
  autoReloadClients: number;
}

/**
 * The card is the agency's, not this client's: the decline names it and says what else it stops, so the
 * manager replaces it once rather than discovering it client by client.
 */
export function DeclinedOutcome({ purchase, card, autoReloadClients }: DeclinedOutcomeProps) {
  const error = purchase?.paymentError;
  const cardName = card ? describeCard(card) : undefined;
  const title = error ? describePaymentError(error, cardName) : `${cardName ?? 'Your card'} was declined.`;
  const others =
    autoReloadClients > 0
      ? ` It is the agency's card: Auto Reload for ${formatInteger(autoReloadClients)} ${
          autoReloadClients === 1 ? 'client' : 'clients'
        } is charged to it too.`
      : " It is the agency's card for every client.";
  return (
    <Outcome tone="danger" title={title}>
      <p className="payment-state__text">Nothing was charged.{others}</p>
      <p className="payment-state__text muted">
        Pay with a different card to finish this top-up. It replaces the agency's card for every client.
      </p>
    </Outcome>
  );
}
