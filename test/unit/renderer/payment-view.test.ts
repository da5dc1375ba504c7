import { describe, expect, it } from 'vitest';
import type { Purchase, PurchaseState } from '../../../shared/ipc/purchase-models';
import {
  closingCancels,
  isBusy,
  paymentView,
  type LocalPhase,
} from '../../../renderer/src/features/payment/payment-view';

function purchase(state: PurchaseState, overrides: Partial<Purchase> = {}): Purchase {
  return {
    id: 'pur_1',
    clientId: 'cli_1',
    clientName: 'Acme',
    packId: 'pack_5k',
    tokens: 5_000,
    amount: { amount: 6_500, currency: 'USD' },
    state,
    topUpId: null,
    clientSecret: null,
    paymentError: null,
    card: null,
    balanceAfter: null,
    invoiceId: null,
    idempotencyKey: 'key_1',
    lastAnswer: null,
    createdAt: '2026-11-25T14:05:00.000Z',
    updatedAt: '2026-11-25T14:05:00.000Z',
    ...overrides,
  };
}

const none: LocalPhase = { kind: 'none' };
const view = (current: Purchase, local: LocalPhase = none) =>
  paymentView({ purchase: current, starting: false, startFailed: false, priceChanged: false, local });

describe('paymentView', () => {
  it('shows a processing purchase as not confirmed yet, with or without an answer from the billing service', () => {
    expect(view(purchase('processing'))).toBe('unknown');
    const answered = purchase('processing', {
      lastAnswer: {
        at: '2026-11-25T14:06:00.000Z',
        detail: 'The billing service did not accept the API token.',
        advice: 'Sign in again to check it.',
      },
    });
    expect(view(answered)).toBe('unknown');
  });

  it('shows needs_review as its own view, even after a 3-D Secure check that could not confirm it', () => {
    expect(view(purchase('needs_review'))).toBe('needs_review');
    expect(view(purchase('needs_review'), { kind: 'unconfirmed' })).toBe('needs_review');
    expect(view(purchase('needs_review'), { kind: 'confirming' })).toBe('confirming');
  });

  it('tells a price change apart from other failures', () => {
    const priceChanged = purchase('failed', {
      paymentError: { code: 'price_changed', declineCode: null, message: 'The price changed.' },
    });
    const refused = purchase('failed', {
      paymentError: { code: 'refused', declineCode: null, message: 'Refused. No charge was made.' },
    });
    expect(view(priceChanged)).toBe('price_changed');
    expect(view(refused)).toBe('failed');
  });

  it('shows a refused start as a price change only when the pack costs something else now', () => {
    const refusedStart = { purchase: undefined, starting: false, startFailed: true, local: none };
    expect(paymentView({ ...refusedStart, priceChanged: true })).toBe('price_changed');
    expect(paymentView({ ...refusedStart, priceChanged: false })).toBe('start_failed');
  });

  it('never cancels or blocks on close for purchases that may have been charged or ended', () => {
    for (const current of ['unknown', 'needs_review', 'price_changed'] as const) {
      expect(closingCancels(current)).toBe(false);
      expect(isBusy(current)).toBe(false);
    }
  });
});
