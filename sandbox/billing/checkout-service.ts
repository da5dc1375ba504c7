/**
 * Checkout sessions that pay a top-up the saved card could not: the card typed
 * into the (stand-in) Embedded Checkout is charged, and once it succeeds it
 * becomes the agency's saved card for every later charge.
 */
import { z } from 'zod';
import type { CheckoutSession, PaymentError } from '../../shared/api/payments-api';
import { cardOutcome, normalizeCardNumber } from '../../shared/domain/test-cards';
import { ApiError, notFound } from '../http/api-error';
import type { Repositories } from '../store/repositories';
import type { CheckoutSessionRecord } from '../store/top-up-repository';
import { newClientSecret, newId } from './ids';
import type { SandboxClock } from './sandbox-clock';
import { AUTHENTICATION_FAILURE, paymentErrorOf, type TopUpService } from './top-up-service';

export const CheckoutCard = z.strictObject({
  number: z.string().trim().min(1).max(32),
  exp_month: z.int().min(1).max(12),
  exp_year: z.int().min(2000).max(2100),
  cvc: z.string().regex(/^\d{3,4}$/, 'CVC must be 3 or 4 digits'),
});
export type CheckoutCard = z.infer<typeof CheckoutCard>;

export type CheckoutResult =
  { status: 'complete' } | { status: 'requires_action' } | { status: 'declined'; error: PaymentError };

const EXPIRED_INPUT: PaymentError = {
  code: 'invalid_expiry_year',
  decline_code: null,
  message: "Your card's expiration date is in the past.",
};

export function createCheckoutService(repos: Repositories, topUps: TopUpService, clock: SandboxClock) {
  const requireSession = (clientSecret: string): CheckoutSessionRecord => {
    const session = repos.topUps.getSession(clientSecret);
    if (!session) throw notFound('No checkout session with this client secret');
    return session;
  };

  const finish = (session: CheckoutSessionRecord, card: CheckoutCard): CheckoutResult => {
    topUps.complete(session.top_up_id, card.number);
    repos.agency.setCard(card.number, card.exp_month, card.exp_year);
    repos.topUps.setSession(session.id, 'complete', null);
    return { status: 'complete' };
  };

  const isExpired = (card: CheckoutCard): boolean => {
    const now = clock.now();
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    return card.exp_year * 12 + card.exp_month < current;
  };

  return {
    create(topUpId: string): CheckoutSession {
      const topUp = topUps.requireTopUp(topUpId);
      if (topUp.status !== 'requires_payment_method' && topUp.status !== 'requires_action') {
        throw new ApiError(409, 'conflict', `The top-up is ${topUp.status}; there is nothing left to pay`, {
          code: 'top_up_not_payable',
        });
      }
      const id = newId('cs_test');
      const session = {
        id,
        top_up_id: topUp.id,
        client_secret: newClientSecret(id),
        created_at: clock.now().toISOString(),
      };
      repos.topUps.insertSession(session);
      return { ...session, status: 'open', amount: topUp.amount, tokens: topUp.tokens };
    },

    confirm(clientSecret: string, card: CheckoutCard): CheckoutResult {
      const session = requireSession(clientSecret);
      const topUp = topUps.requireTopUp(session.top_up_id);
      if (session.status === 'complete' || topUp.status === 'succeeded') {
        repos.topUps.setSession(session.id, 'complete', null);
        return { status: 'complete' };
      }
      if (isExpired(card)) return { status: 'declined', error: EXPIRED_INPUT };
      const outcome = cardOutcome(card.number);
      if (outcome.kind === 'succeeded') return finish(session, card);
      if (outcome.kind === 'requires_action') {
        const pending = { ...card, number: normalizeCardNumber(card.number) };
        repos.topUps.setSession(session.id, 'open', JSON.stringify(pending));
        return { status: 'requires_action' };
      }
      const error = paymentErrorOf(outcome);
      topUps.decline(topUp, card.number, error);
      return { status: 'declined', error };
    },

    authenticate(clientSecret: string, result: 'complete' | 'fail'): CheckoutResult {
      const session = requireSession(clientSecret);
      if (session.status === 'complete') return { status: 'complete' };
      if (!session.pending_card) {
        throw new ApiError(
          409,
          'conflict',
          'No card in this checkout session is waiting for authentication',
          {
            code: 'payment_intent_unexpected_state',
          },
        );
      }
      const card = CheckoutCard.parse(JSON.parse(session.pending_card));
      repos.topUps.setSession(session.id, 'open', null);
      if (result === 'complete') return finish(session, card);
      const topUp = topUps.requireTopUp(session.top_up_id);
      repos.topUps.setStatus(topUp.id, 'requires_payment_method', topUp.card_number, AUTHENTICATION_FAILURE);
      return { status: 'declined', error: AUTHENTICATION_FAILURE };
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
