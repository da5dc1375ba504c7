import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { asSentence } from '../../lib/sentence';

export interface OpenPurchaseWording {
  title: string;
  next: string;
  /** The one action, on the notice and in place of Continue: a second purchase could only be refused. */
  action: string;
  /** The action asks the billing API where the charge stands as the payment window opens. */
  checksStatus: boolean;
  tone: 'info' | 'warning';
}

const NEVER_TWICE = 'It can never be charged twice.';

export function openPurchaseWording(purchase: Purchase): OpenPurchaseWording {
  const { lastAnswer } = purchase;
  const answer = lastAnswer ? `${asSentence(lastAnswer.detail)} ${lastAnswer.advice}` : null;
  switch (purchase.state) {
    case 'needs_review':
      return {
        title: 'A payment needs review',
        next: `The card may or may not have been charged. ${NEVER_TWICE}`,
        action: 'Review payment',
        checksStatus: false,
        tone: 'warning',
      };
    case 'requires_action':
      return {
        title: 'A payment is waiting for card authentication',
        next: 'Finish or cancel it in the payment window.',
        action: 'View payment',
        checksStatus: false,
        tone: 'info',
      };
    case 'requires_payment_method':
      return {
        title: 'A payment is waiting for another card',
        next: 'Finish or cancel it in the payment window.',
        action: 'View payment',
        checksStatus: false,
        tone: 'warning',
      };
    default:
      return {
        title: 'Purchase being confirmed',
        next: answer ?? `It will be confirmed automatically. ${NEVER_TWICE}`,
        action: 'Check status',
        checksStatus: true,
        tone: 'info',
      };
  }
}
