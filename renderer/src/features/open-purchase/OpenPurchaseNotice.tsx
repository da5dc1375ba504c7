import { formatDateTime, formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { AlertIcon, InfoIcon } from '../../components/icons';
import { asSentence } from '../../lib/sentence';

interface OpenPurchaseNoticeProps {
  purchase: Purchase;
  /** Id of the title, so the blocked Continue button can name its reason. */
  titleId: string;
  onOpen(): void;
}

interface Wording {
  title: string;
  next: string;
  action: string;
  tone: 'info' | 'warning';
}

const NEVER_TWICE = 'It can never be charged twice.';

function wordingFor(purchase: Purchase): Wording {
  const { lastAnswer } = purchase;
  const answer = lastAnswer ? `${asSentence(lastAnswer.detail)} ${lastAnswer.advice}` : null;
  switch (purchase.state) {
    case 'needs_review':
      return {
        title: 'A payment needs review',
        next: `The card may or may not have been charged. ${NEVER_TWICE}`,
        action: 'Review payment',
        tone: 'warning',
      };
    case 'requires_action':
      return {
        title: 'A payment is waiting for card authentication',
        next: 'Finish or cancel it in the payment window.',
        action: 'View payment',
        tone: 'info',
      };
    case 'requires_payment_method':
      return {
        title: 'A payment is waiting for another card',
        next: 'Finish or cancel it in the payment window.',
        action: 'View payment',
        tone: 'warning',
      };
    default:
      return {
        title: 'A payment is being confirmed',
        next: answer ?? `It will be confirmed automatically. ${NEVER_TWICE}`,
        action: 'View payment',
        tone: 'info',
      };
  }
}

/**
 * The client's one open purchase, seen from the section that would start another:
 * why Continue waits, and the way back to the payment window that settles it.
 */
export function OpenPurchaseNotice({ purchase, titleId, onOpen }: OpenPurchaseNoticeProps) {
  const { title, next, action, tone } = wordingFor(purchase);
  const Icon = tone === 'warning' ? AlertIcon : InfoIcon;
  return (
    <div className={`notice notice--${tone} open-purchase`} role="status" aria-labelledby={titleId}>
      <Icon className="notice__icon" />
      <div className="notice__message">
        <p id={titleId} className="open-purchase__title">
          {title}
        </p>
        <p className="open-purchase__text">
          {formatTokens(purchase.tokens)} for {formatMoney(purchase.amount)}, started{' '}
          {formatDateTime(purchase.createdAt)}. {next}
        </p>
      </div>
      <button type="button" className="button button--secondary button--sm" onClick={onOpen}>
        {action}
      </button>
    </div>
  );
}
