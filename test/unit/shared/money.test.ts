import { describe, expect, it } from 'vitest';
import { samePrice } from '../../../shared/domain/money';

describe('samePrice', () => {
  it('is the same charge only when amount and currency both match', () => {
    expect(samePrice({ amount: 6_500, currency: 'USD' }, { amount: 6_500, currency: 'USD' })).toBe(true);
    expect(samePrice({ amount: 6_500, currency: 'USD' }, { amount: 6_501, currency: 'USD' })).toBe(false);
    expect(samePrice({ amount: 6_500, currency: 'USD' }, { amount: 6_500, currency: 'EUR' })).toBe(false);
  });
});
