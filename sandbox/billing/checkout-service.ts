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

/**
 * What Checkout's form makes of a typed card, in payment and in setup mode alike: an expiry in the past is
 * refused before the bank sees anything (`charged` false), otherwise the test card's outcome. A card waiting for
 * 3-D Secure comes with what to keep on the session until it is answered.
 */
export type TypedCardResult =
  | { kind: 'succeeded' }
  | { kind: 'requires_action'; pendingCard: string }
  | { kind: 'declined'; error: PaymentError; charged: boolean };

export function checkTypedCard(card: CheckoutCard, now: Date): TypedCardResult {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  if (card.exp_year * 12 + card.exp_month < current) {
    return { kind: 'declined', error: EXPIRED_INPUT, charged: false };
  }
  const outcome = cardOutcome(card.number);
  if (outcome.kind === 'succeeded') return outcome;
  if (outcome.kind === 'requires_action') {
    return {
      kind: 'requires_action',
      pendingCard: JSON.stringify({ ...card, number: normalizeCardNumber(card.number) }),
    };
  }
  return { kind: 'declined', error: paymentErrorOf(outcome), charged: true };
}

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
      const typed = checkTypedCard(card, clock.now());
      if (typed.kind === 'succeeded') return finish(session, card);
      if (typed.kind === 'requires_action') {
        repos.topUps.setSession(session.id, 'open', typed.pendingCard);
        return { status: 'requires_action' };
      }
      if (typed.charged) topUps.decline(topUp, card.number, typed.error);
      return { status: 'declined', error: typed.error };
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
