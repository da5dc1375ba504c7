/**
 * Checkout in setup mode: a new card for the agency, checked like any card
 * typed into Checkout (declines, 3-D Secure) but not charged. Once saved it
 * pays every client's purchases and Auto Reloads, and the old card's decline
 * is forgotten.
 */
import type { SetupSession } from '../../shared/api/payments-api';
import { ApiError, notFound } from '../http/api-error';
import type { Repositories } from '../store/repositories';
import type { SetupSessionRecord } from '../store/setup-session-repository';
import { CheckoutCard, checkTypedCard, type CheckoutResult } from './checkout-service';
import { newClientSecret, newId } from './ids';
import type { SandboxClock } from './sandbox-clock';
import { AUTHENTICATION_FAILURE } from './top-up-service';

export function createSetupService(repos: Repositories, clock: SandboxClock) {
  const requireSession = (clientSecret: string): SetupSessionRecord => {
    const session = repos.setupSessions.get(clientSecret);
    if (!session) throw notFound('No setup session with this client secret');
    return session;
  };

  const save = (session: SetupSessionRecord, card: CheckoutCard): CheckoutResult => {
    repos.agency.setCard(card.number, card.exp_month, card.exp_year);
    repos.setupSessions.set(session.id, 'complete', null);
    return { status: 'complete' };
  };

  return {
    isSetupSecret: (clientSecret: string): boolean => repos.setupSessions.get(clientSecret) !== null,

    create(): SetupSession {
      const id = newId('seti');
      const session = { id, client_secret: newClientSecret(id), created_at: clock.now().toISOString() };
      repos.setupSessions.insert(session);
      return { ...session, status: 'open' };
    },

    confirm(clientSecret: string, card: CheckoutCard): CheckoutResult {
      const session = requireSession(clientSecret);
      if (session.status === 'complete') return { status: 'complete' };
      const typed = checkTypedCard(card, clock.now());
      if (typed.kind === 'succeeded') return save(session, card);
      if (typed.kind === 'requires_action') {
        repos.setupSessions.set(session.id, 'open', typed.pendingCard);
        return { status: 'requires_action' };
      }
      return { status: 'declined', error: typed.error };
    },

    authenticate(clientSecret: string, result: 'complete' | 'fail'): CheckoutResult {
      const session = requireSession(clientSecret);
      if (session.status === 'complete') return { status: 'complete' };
      if (!session.pending_card) {
        throw new ApiError(409, 'conflict', 'No card in this setup session is waiting for authentication', {
          code: 'setup_intent_unexpected_state',
        });
      }
      const card = CheckoutCard.parse(JSON.parse(session.pending_card));
      repos.setupSessions.set(session.id, 'open', null);
      return result === 'complete'
        ? save(session, card)
        : { status: 'declined', error: AUTHENTICATION_FAILURE };
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
