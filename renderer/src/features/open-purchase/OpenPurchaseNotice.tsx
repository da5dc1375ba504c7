import { formatDateTime, formatMoney, formatTokens } from '../../../../shared/domain/format';
import { AlertIcon, InfoIcon } from '../../components/icons';
import { openPurchaseTitleId, useOpenPurchase } from './use-open-purchase';
import './open-purchase.css';

/**
 * The client's one open purchase, on every tab of the client page: a payment the manager closed before it was
 * confirmed must not vanish, and Continue waits for it.
 */
export function OpenPurchaseNotice({ clientId }: { clientId: string }) {
  const open = useOpenPurchase(clientId);
  if (!open) return null;
  const { purchase, wording } = open;
  const Icon = wording.tone === 'warning' ? AlertIcon : InfoIcon;
  const titleId = openPurchaseTitleId(clientId);
  return (
    <div className={`notice notice--${wording.tone} open-purchase`} role="status" aria-labelledby={titleId}>
      <Icon className="notice__icon" />
      <div className="notice__message">
        <p id={titleId} className="open-purchase__title">
          {wording.title}
        </p>
        <p className="open-purchase__text">
          {formatTokens(purchase.tokens)} for {formatMoney(purchase.amount)}, started{' '}
          {formatDateTime(purchase.createdAt)}. {wording.next}
        </p>
      </div>
      <button type="button" className="button button--secondary button--sm" onClick={open.open}>
        {wording.action}
      </button>
    </div>
  );
}
