import { describe, expect, it } from 'vitest';
import { describePaymentError } from '../../../shared/domain/payment-error-text';
import { cardOutcome } from '../../../shared/domain/test-cards';

const declined = (declineCode: string | null) => ({ code: 'card_declined', declineCode, message: 'x' });

describe('describePaymentError', () => {
  it.each([
    ['insufficient_funds', 'Your card was declined: insufficient funds.'],
    ['lost_card', 'Your card was declined: the card was reported lost.'],
    ['stolen_card', 'Your card was declined: the card was reported stolen.'],
    ['generic_decline', 'Your card was declined: the bank gave no reason.'],
    ['something_new', 'Your card was declined.'],
  ])('says why a card was declined (%s)', (code, text) => {
    expect(describePaymentError(declined(code))).toBe(text);
  });

  it('names card problems that are not bank declines', () => {
    expect(describePaymentError({ code: 'expired_card', declineCode: 'expired_card', message: 'x' })).toBe(
      'Your card has expired.',
    );
    expect(describePaymentError({ code: 'incorrect_cvc', declineCode: null, message: 'x' })).toBe(
      "Your card's security code is incorrect.",
    );
    expect(describePaymentError({ code: 'incorrect_number', declineCode: null, message: 'x' })).toBe(
      'The card number is incorrect.',
    );
    expect(
      describePaymentError({
        code: 'payment_intent_authentication_failure',
        declineCode: null,
        message: 'x',
      }),
    ).toBe('The card authentication (3-D Secure) did not succeed.');
  });

  it('names the card when the caller knows which card was charged', () => {
    const card = 'Visa \u2022\u2022\u2022\u2022 0002';
    expect(describePaymentError(declined('insufficient_funds'), card)).toBe(
      'Visa \u2022\u2022\u2022\u2022 0002 was declined: insufficient funds.',
    );
    expect(describePaymentError({ code: 'expired_card', declineCode: null, message: 'x' }, card)).toBe(
      'Visa \u2022\u2022\u2022\u2022 0002 has expired.',
    );
    expect(
      describePaymentError({ code: 'new_code', declineCode: null, message: 'Try another card.' }, card),
    ).toBe('Try another card.');
  });

  it("falls back to Stripe's own message for codes it does not know", () => {
    expect(describePaymentError({ code: 'new_code', declineCode: null, message: 'Try another card.' })).toBe(
      'Try another card.',
    );
    expect(describePaymentError({ code: 'new_code', declineCode: null, message: ' ' })).toBe(
      'The payment did not go through.',
    );
  });

  it('has words for every declining Stripe test card the sandbox knows', () => {
    for (const number of [
      '4000000000000002',
      '4000000000009995',
      '4000000000009987',
      '4000000000009979',
      '4000000000000069',
      '4000000000000127',
      '4000000000000119',
      '4000000000000001',
    ]) {
      const outcome = cardOutcome(number);
      if (outcome.kind !== 'declined') throw new Error(`${number} does not decline`);
      const text = describePaymentError({
        code: outcome.code,
        declineCode: outcome.declineCode,
        message: '',
      });
      expect(text, number).toMatch(/^(Your card|The card)/);
    }
  });
});
