/**
 * What an unanswered or unreadable request means for a purchase that may have
 * been charged. None of these is proof that nothing was charged, so none ends
 * a purchase: it stays unsettled with the reason, or goes to review when the
 * app cannot settle it by asking again.
 */
import { IDEMPOTENCY_KEY_IN_USE } from '../../../shared/api/payments-api';
import { BillingApiError, RequestCancelledError } from '../billing-api/billing-api-error';

export interface Doubt {
  /** True when asking again automatically will not help: the manager needs to look. */
  review: boolean;
  detail: string;
  advice: string;
}

const AUTOMATIC = 'It will be checked again automatically; it can never be charged twice.';
const LOOK = "Check again, or look for this top up in the client's credit log.";

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Null when there was no answer to judge (the caller gave up, e.g. on sign-out). */
export function doubtOf(error: unknown): Doubt | null {
  if (error instanceof RequestCancelledError) return null;
  if (!(error instanceof BillingApiError))
    return { review: false, detail: describe(error), advice: AUTOMATIC };
  if (error.kind === 'unauthorized')
    return { review: false, detail: error.message, advice: 'Sign in again to check it.' };
  if (error.transient) return { review: false, detail: error.message, advice: AUTOMATIC };
  if (error.code === IDEMPOTENCY_KEY_IN_USE)
    return {
      review: false,
      detail: 'The billing service is still working on this payment.',
      advice: AUTOMATIC,
    };
  if (error.kind === 'validation' && error.status === null)
    return {
      review: true,
      detail: `${error.message} This version of the app cannot read that answer.`,
      advice: `${LOOK} Updating the app may help.`,
    };
  return { review: true, detail: error.message, advice: LOOK };
}
