/**
 * What a card number does in test mode, following Stripe's published test cards
 * (https://docs.stripe.com/testing). The sandbox charges the saved card and cards
 * typed into Checkout through this one mapping.
 */

export interface CardDecline {
  /** Stripe's error code, e.g. `card_declined` or `expired_card`. */
  readonly code: string;
  /** Stripe's decline code, e.g. `insufficient_funds`; null for errors that are not bank declines. */
  readonly declineCode: string | null;
  readonly message: string;
}

export type CardOutcome =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'requires_action' }
  | ({ readonly kind: 'declined' } & CardDecline);

const DECLINED = 'Your card was declined.';

const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4242424242424242': { kind: 'succeeded' },
  '4000056655665556': { kind: 'succeeded' },
  '5555555555554444': { kind: 'succeeded' },
  '2223003122003222': { kind: 'succeeded' },
  '378282246310005': { kind: 'succeeded' },
  '4000002760003184': { kind: 'requires_action' },
  '4000002500003155': { kind: 'requires_action' },
  '4000000000003220': { kind: 'requires_action' },
  '4000000000000002': {
    kind: 'declined',
    code: 'card_declined',
    declineCode: 'generic_decline',
    message: DECLINED,
  },
  '4000000000009995': {
    kind: 'declined',
    code: 'card_declined',
    declineCode: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
  '4000000000009987': {
    kind: 'declined',
    code: 'card_declined',
    declineCode: 'lost_card',
    message: DECLINED,
  },
  '4000000000009979': {
    kind: 'declined',
    code: 'card_declined',
    declineCode: 'stolen_card',
    message: DECLINED,
  },
  '4000000000000069': {
    kind: 'declined',
    code: 'expired_card',
    declineCode: 'expired_card',
    message: 'Your card has expired.',
  },
  '4000000000000127': {
    kind: 'declined',
    code: 'incorrect_cvc',
    declineCode: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
  },
  '4000000000000119': {
    kind: 'declined',
    code: 'processing_error',
    declineCode: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
  },
};

/** Digits only: spaces and dashes people type are ignored. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'Visa';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'Mastercard';
  if (/^3[47]/.test(digits)) return 'American Express';
  if (/^6(011|5)/.test(digits)) return 'Discover';
  return 'Unknown';
}

/** The outcome of charging `number`; like Stripe test mode, real-looking numbers that are not test cards are declined. */
export function cardOutcome(number: string): CardOutcome {
  const digits = normalizeCardNumber(number);
  if (!passesLuhn(digits)) {
    return {
      kind: 'declined',
      code: 'incorrect_number',
      declineCode: null,
      message: 'Your card number is incorrect.',
    };
  }
  return (
    TEST_CARDS[digits] ?? {
      kind: 'declined',
      code: 'card_declined',
      declineCode: 'test_mode_live_card',
      message: 'Your card was declined. Your request was in test mode, but used a non test card.',
    }
  );
}
