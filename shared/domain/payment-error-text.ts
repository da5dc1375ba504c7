/**
 * Stripe's card errors in plain words for the account manager: what happened
 * to the card, without Stripe's jargon. Falls back to Stripe's own message.
 */

const DECLINE_REASONS: Readonly<Record<string, string>> = {
  insufficient_funds: 'insufficient funds',
  lost_card: 'the card was reported lost',
  stolen_card: 'the card was reported stolen',
  generic_decline: 'the bank gave no reason',
  do_not_honor: 'the bank gave no reason',
  card_velocity_exceeded: 'the card is over its limit',
  test_mode_live_card: 'a real card cannot be used in test mode',
  authentication_required: 'the bank asks for authentication',
};

/** Texts about the card itself name it when the caller knows which card it was ("Visa •••• 0002 has expired."). */
const ERROR_TEXTS: Readonly<Record<string, (card: string) => string>> = {
  expired_card: (card) => `${card} has expired.`,
  incorrect_cvc: (card) => `${card}'s security code is incorrect.`,
  incorrect_number: () => 'The card number is incorrect.',
  invalid_expiry_year: (card) => `${card}'s expiration date is in the past.`,
  processing_error: () => 'The card could not be processed. Try again in a little bit.',
  payment_intent_authentication_failure: () => 'The card authentication (3-D Secure) did not succeed.',
  authentication_required: (card) => `${card} was declined: the bank asks for authentication.`,
};

export interface CardError {
  code: string;
  declineCode: string | null;
  /** Stripe's own message, shown when the code is not one we know. */
  message: string;
}

/**
 * `card` names the card that was charged (e.g. "Visa •••• 0002"): the agency has one card for every client, so
 * a decline that names it tells the manager which card to replace.
 */
export function describePaymentError(error: CardError, card = 'Your card'): string {
  if (error.code === 'card_declined') {
    const reason = error.declineCode ? DECLINE_REASONS[error.declineCode] : undefined;
    return reason ? `${card} was declined: ${reason}.` : `${card} was declined.`;
  }
  return ERROR_TEXTS[error.code]?.(card) ?? (error.message.trim() || 'The payment did not go through.');
}
