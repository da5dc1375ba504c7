import { describe, expect, it } from 'vitest';
import { isLowBalance, lowBalanceThreshold } from '../../../shared/domain/balance';
import {
  daysBetween,
  formatCalendarDate,
  formatMoney,
  formatPerTokenRate,
  formatSignedTokens,
  formatTokens,
} from '../../../shared/domain/format';

describe('format', () => {
  it('formats money from integer minor units', () => {
    expect(formatMoney({ amount: 6_500, currency: 'USD' })).toBe('$65.00');
    expect(formatMoney({ amount: 199_000, currency: 'USD' })).toBe('$1,990.00');
    expect(formatMoney({ amount: 500, currency: 'JPY' })).toBe('¥500');
  });

  it('formats token counts and signed ledger amounts with a true minus sign', () => {
    expect(formatTokens(5_000)).toBe('5,000 tokens');
    expect(formatTokens(1)).toBe('1 token');
    expect(formatSignedTokens(5_000)).toBe('+5,000');
    expect(formatSignedTokens(-1_200)).toBe('\u22121,200');
    expect(formatSignedTokens(0)).toBe('0');
  });

  it('formats a per-token rate with four decimals', () => {
    expect(formatPerTokenRate({ amount: 6_500, currency: 'USD' }, 5_000)).toBe('$0.0130');
  });

  it('formats calendar dates independent of time zone and counts days between them', () => {
    expect(formatCalendarDate('2026-12-01')).toBe('Dec 1, 2026');
    expect(formatCalendarDate('2026-12-01T23:30:00Z')).toBe('Dec 1, 2026');
    expect(daysBetween('2026-11-25', '2026-12-01')).toBe(6);
    expect(daysBetween('2026-12-01', '2026-11-25')).toBe(-6);
  });
});

describe('low balance rule', () => {
  it('flags a client with less than 10% of the allocation left', () => {
    expect(lowBalanceThreshold(10_000)).toBe(1_000);
    expect(isLowBalance(999, 10_000)).toBe(true);
    expect(isLowBalance(1_000, 10_000)).toBe(false);
    expect(isLowBalance(0, 10_000)).toBe(true);
    expect(lowBalanceThreshold(0)).toBe(1);
  });
});
