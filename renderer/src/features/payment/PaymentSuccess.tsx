import { Link } from 'react-router';
import { formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { clientTabPath } from '../client-page/client-tabs';
import { useCreditLogFilterStore } from '../credits/credit-log-filter-store';
import { creditEntryState, invoiceState } from './purchase-links';
import { Outcome } from './PaymentViews';
import { asSentence } from '../../lib/sentence';

function SuccessDetails({ purchase }: { purchase: Purchase }) {
  return (
    <dl className="facts payment-facts">
      <div className="facts__row">
        <dt>Tokens added</dt>
        <dd className="num">+{formatTokens(purchase.tokens)}</dd>
      </div>
      {purchase.balanceAfter && (
        <div className="facts__row">
          <dt>New balance</dt>
          <dd className="num">
            <span>{formatTokens(purchase.balanceAfter.total)}</span>
            <span className="facts__note">
              {formatTokens(purchase.balanceAfter.topUp)} top-up · {formatTokens(purchase.balanceAfter.plan)}{' '}
              plan
            </span>
          </dd>
        </div>
      )}
      <div className="facts__row">
        <dt>Charged</dt>
        <dd className="num">{formatMoney(purchase.amount)}</dd>
      </div>
    </dl>
  );
}

interface PaymentSuccessProps {
  purchase: Purchase;
  clientName: string;
  /** Where the billing service sends its confirmation: the signed-in user's address (`/v1/me`). */
  receiptEmail: string | null;
  onDone(): void;
}

/** The top-up went through: what it added, where the receipt went, and the way to its entry and invoice. */
export function PaymentSuccess({ purchase, clientName, receiptEmail, onDone }: PaymentSuccessProps) {
  const clearCreditFilters = useCreditLogFilterStore((state) => state.clear);
  const { clientId, topUpId, invoiceId } = purchase;
  return (
    <>
      <Outcome tone="success" title="Payment complete">
        <p className="payment-state__text muted">
          {/* "Bluebird Bakery Co." already ends the sentence. */}
          {asSentence(`${formatTokens(purchase.tokens)} added to ${clientName}`)}
        </p>
      </Outcome>
      <SuccessDetails purchase={purchase} />
      {receiptEmail && <p className="payment-receipt muted">Receipt emailed to {receiptEmail}</p>}
      <div className="modal__actions payment-success__actions">
        {topUpId && (
          <Link
            className="button button--secondary"
            to={clientTabPath(clientId, 'credits')}
            state={creditEntryState(topUpId)}
            onClick={() => {
              // A filter left on the log could hide the new entry the link promises.
              clearCreditFilters(clientId);
              onDone();
            }}
          >
            View in credit log
          </Link>
        )}
        {invoiceId && (
          <Link
            className="button button--secondary"
            to={clientTabPath(clientId, 'invoices')}
            state={invoiceState({ ...purchase, invoiceId })}
            onClick={onDone}
          >
            View invoice
          </Link>
        )}
        {/* Focused first: Enter closes, Shift+Tab reaches the links. */}
        <button type="button" className="button button--primary" onClick={onDone} autoFocus>
          Done
        </button>
      </div>
    </>
  );
}
