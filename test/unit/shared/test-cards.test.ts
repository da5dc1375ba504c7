import { describe, expect, it } from 'vitest';
import { cardBrand, cardOutcome, passesLuhn } from '../../../shared/domain/test-cards';

describe("Stripe's test cards", () => {
  it.each([
    ['4242 4242 4242 4242', { kind: 'succeeded' }],
    ['5555-5555-5555-4444', { kind: 'succeeded' }],
    ['4000002760003184', { kind: 'requires_action' }],
    ['4000000000000002', { kind: 'declined', code: 'card_declined', declineCode: 'generic_decline' }],
    ['4000000000009995', { kind: 'declined', code: 'card_declined', declineCode: 'insufficient_funds' }],
    ['4000000000000069', { kind: 'declined', code: 'expired_card', declineCode: 'expired_card' }],
    ['4000000000000127', { kind: 'declined', code: 'incorrect_cvc', declineCode: 'incorrect_cvc' }],
    ['4000000000009987', { kind: 'declined', code: 'card_declined', declineCode: 'lost_card' }],
  ])('%s → %o', (number, outcome) => {
    expect(cardOutcome(number)).toMatchObject(outcome);
  });

  it('gives each decline the message Stripe shows', () => {
    expect(cardOutcome('4000000000009995')).toMatchObject({ message: 'Your card has insufficient funds.' });
    expect(cardOutcome('4000000000000069')).toMatchObject({ message: 'Your card has expired.' });
  });

  it('calls a mistyped number incorrect and a real-looking non-test number a test-mode decline', () => {
    expect(cardOutcome('4242424242424241')).toMatchObject({ kind: 'declined', code: 'incorrect_number' });
    expect(cardOutcome('4111111111111111')).toMatchObject({
      kind: 'declined',
      declineCode: 'test_mode_live_card',
    });
  });

  it('checks Luhn and names the brand', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424243')).toBe(false);
    expect(passesLuhn('42')).toBe(false);
    expect(cardBrand('4242424242424242')).toBe('Visa');
    expect(cardBrand('5555555555554444')).toBe('Mastercard');
    expect(cardBrand('378282246310005')).toBe('American Express');
  });
});
