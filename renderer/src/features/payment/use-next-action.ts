import { useEffect, useRef, useState } from 'react';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { AppError } from '../../../../shared/ipc/errors';
import { messageFor } from '../../components/error-message';
import { getStripe } from '../stripe/load-stripe';
import type { LocalPhase } from './payment-view';

export const AUTH_FAILED_MESSAGE = 'Authentication failed. No charge was made.';

function afterAuthentication(outcome: Purchase | null, failure: string | null): LocalPhase {
  // The core's verdict wins: after a success or a needs-review, "no charge was made" would be untrue.
  if (outcome?.state === 'succeeded' || outcome?.state === 'needs_review') return { kind: 'none' };
  if (failure) return { kind: 'auth_failed', message: failure };
  // Stripe said yes but the core could not confirm it yet: say so rather than guess.
  if (!outcome || outcome.state === 'processing' || outcome.state === 'requires_action') {
    return { kind: 'unconfirmed' };
  }
  return { kind: 'auth_failed', message: AUTH_FAILED_MESSAGE };
}

interface NextActionOptions {
  purchase: Purchase | undefined;
  setLocal(phase: LocalPhase): void;
  refresh(purchaseId: string): Promise<Purchase>;
}

/**
 * Runs 3-D Secure through Stripe.js once per client secret, then asks the core
 * for the outcome; Stripe's result alone is not proof the top-up was credited.
 * Returns a function that forgets the attempt so "Try again" can run it anew.
 */
export function useNextAction({ purchase, setLocal, refresh }: NextActionOptions): () => void {
  const attempted = useRef<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ setLocal, refresh });
  useEffect(() => {
    latest.current = { setLocal, refresh };
  });

  const purchaseId = purchase?.id;
  const clientSecret = purchase?.state === 'requires_action' ? purchase.clientSecret : null;

  useEffect(() => {
    if (!purchaseId || !clientSecret || attempted.current === clientSecret) return;
    attempted.current = clientSecret;
    latest.current.setLocal({ kind: 'authenticating' });
    void (async () => {
      let failure: string | null = null;
      try {
        const stripe = await getStripe();
        const result = await stripe.handleNextAction({ clientSecret });
        if (result.error) failure = AUTH_FAILED_MESSAGE;
      } catch (error) {
        const reason = error instanceof AppError ? messageFor(error) : 'Stripe did not load.';
        failure = `Couldn't open your bank's check. ${reason} No charge was made.`;
      }
      let outcome: Purchase | null = null;
      try {
        outcome = await latest.current.refresh(purchaseId);
      } catch {
        // The dialog shows the state the core reports next; the journal keeps the truth meanwhile.
      }
      latest.current.setLocal(afterAuthentication(outcome, failure));
    })();
  }, [purchaseId, clientSecret, attempt]);

  return () => {
    attempted.current = null;
    setAttempt((count) => count + 1);
  };
}
