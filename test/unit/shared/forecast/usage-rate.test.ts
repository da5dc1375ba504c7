import { describe, expect, it } from 'vitest';
import { addCalendarDays, mondayFirstWeekday } from '../../../../shared/domain/forecast/calendar-day';
import {
  type DailyUsage,
  estimateUsageRate,
  weekdayMultiplier,
} from '../../../../shared/domain/forecast/usage-rate';

/** `days` consecutive days from `first`, each day's tokens from its Monday-first weekday and position. */
function history(
  first: string,
  days: number,
  tokens: (weekday: number, index: number) => number,
): DailyUsage[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addCalendarDays(first, i);
    return { date, tokens: tokens(mondayFirstWeekday(date), i) };
  });
}

// 2026-01-05 is a Monday.
const MONDAY = '2026-01-05';
const wobble = (i: number): number => ((i * 37) % 200) - 100;

describe('calendar days', () => {
  it('steps across month and year ends in UTC and numbers weekdays from Monday', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(mondayFirstWeekday(MONDAY)).toBe(0);
    expect(mondayFirstWeekday('2026-01-11')).toBe(6);
  });
});

describe('estimateUsageRate', () => {
  it('reads a steady client as its daily usage with a flat week and a narrow range', () => {
    const rate = estimateUsageRate(history(MONDAY, 56, () => 1_000));
    expect(rate.basis).toBe('full');
    expect(rate.daysObserved).toBe(56);
    expect(rate.expected).toBeCloseTo(1_000, 6);
    for (const multiplier of rate.weekdayProfile) expect(multiplier).toBeCloseTo(1, 6);
    expect(rate.low).toBeCloseTo(900, 6);
    expect(rate.high).toBeCloseTo(1_100, 6);
  });

  it('learns a working-week rhythm: heavy weekdays, empty weekends, same average day', () => {
    const rate = estimateUsageRate(history(MONDAY, 56, (weekday) => (weekday < 5 ? 1_400 : 0)));
    expect(rate.expected).toBeCloseTo(1_000, 6);
    expect(weekdayMultiplier(rate.weekdayProfile, '2026-03-04')).toBeCloseTo(1.4, 6); // a Wednesday
    expect(weekdayMultiplier(rate.weekdayProfile, '2026-03-07')).toBeCloseTo(0, 6); // a Saturday
    const meanMultiplier = rate.weekdayProfile.reduce((a, b) => a + b, 0) / 7;
    expect(meanMultiplier).toBeCloseTo(1, 9);
  });

  it('does not read a window ending on a quiet weekend as a slowdown', () => {
    const endsFriday = estimateUsageRate(history(MONDAY, 54, (weekday) => (weekday < 5 ? 1_400 : 0)));
    const endsSunday = estimateUsageRate(history(MONDAY, 56, (weekday) => (weekday < 5 ? 1_400 : 0)));
    expect(endsFriday.expected).toBeCloseTo(endsSunday.expected, 6);
  });

  it('keeps a weekly heavy day instead of capping it as a spike', () => {
    const rate = estimateUsageRate(history(MONDAY, 56, (weekday) => (weekday === 0 ? 3_000 : 500)));
    expect(weekdayMultiplier(rate.weekdayProfile, MONDAY)).toBeCloseTo(3_000 / (6_000 / 7), 6);
    expect(rate.expected).toBeCloseTo(6_000 / 7, 6);
  });

  it('barely moves for a one-off campaign spike, unlike a plain average', () => {
    const normal = history(MONDAY, 56, (_, i) => 1_000 + wobble(i));
    const spiked = normal.map((day, i) => (i === 53 ? { ...day, tokens: 40_000 } : day));
    const calm = estimateUsageRate(normal);
    const withSpike = estimateUsageRate(spiked);
    expect(Math.abs(withSpike.expected - calm.expected) / calm.expected).toBeLessThan(0.05);
    expect(withSpike.high).toBeLessThan(calm.high * 1.1);
    const plainMean = (days: DailyUsage[]) => days.reduce((a, d) => a + d.tokens, 0) / days.length;
    expect(plainMean(spiked) / plainMean(normal)).toBeGreaterThan(1.6);
  });

  it('follows a change in level more than an even average would, without a band as wide as the change', () => {
    const stepUp = estimateUsageRate(history(MONDAY, 56, (_, i) => (i < 42 ? 500 : 1_500)));
    const evenAverage = (42 * 500 + 14 * 1_500) / 56;
    expect(stepUp.expected).toBeGreaterThan(evenAverage + 250);
    expect(stepUp.expected).toBeLessThan(1_500);
    expect(stepUp.high / stepUp.expected).toBeLessThan(1.5);
  });

  it('widens the range for a client whose weeks differ', () => {
    const steady = estimateUsageRate(history(MONDAY, 56, () => 1_000));
    const uneven = estimateUsageRate(
      history(MONDAY, 56, (_, i) => (Math.floor(i / 7) % 2 === 0 ? 500 : 1_500)),
    );
    const width = (r: { low: number; high: number; expected: number }) => (r.high - r.low) / r.expected;
    expect(width(uneven)).toBeGreaterThan(width(steady) * 2);
    expect(uneven.low).toBeLessThanOrEqual(uneven.expected);
    expect(uneven.high).toBeGreaterThanOrEqual(uneven.expected);
  });

  it('uses only the latest 56 days', () => {
    const old = history('2025-10-01', 30, () => 90_000);
    const recent = history(addCalendarDays('2025-10-01', 30), 56, () => 1_000);
    expect(estimateUsageRate([...old, ...recent]).expected).toBeCloseTo(1_000, 6);
  });

  it('says there is no basis for a new client and forecasts nothing', () => {
    const rate = estimateUsageRate([]);
    expect(rate).toMatchObject({ basis: 'none', daysObserved: 0, low: 0, expected: 0, high: 0 });
    expect([...rate.weekdayProfile]).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('gives a short history a flat week and a wider range than a full one', () => {
    const short = estimateUsageRate(history(MONDAY, 4, () => 1_000));
    const full = estimateUsageRate(history(MONDAY, 28, () => 1_000));
    expect(short.basis).toBe('short');
    expect(short.expected).toBeCloseTo(1_000, 6);
    expect([...short.weekdayProfile]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(short.high - short.low).toBeGreaterThan(2 * (full.high - full.low));
  });

  it('treats negative or missing figures as no usage', () => {
    const rate = estimateUsageRate(history(MONDAY, 14, (_, i) => (i % 2 === 0 ? -50 : Number.NaN)));
    expect(rate.expected).toBe(0);
    expect(rate.high).toBe(0);
  });

  it('leaves out the days a client had run out, so being blocked does not read as a slowdown', () => {
    const demand = history(MONDAY, 56, () => 1_000);
    // The last 10 days the balance was empty: only a trickle got through.
    const blockedAtEnd = demand.map((day, i) => (i < 46 ? day : { ...day, tokens: 40, starved: true }));
    const starvedRate = estimateUsageRate(blockedAtEnd);
    expect(starvedRate.expected).toBeCloseTo(1_000, 6);
    expect(starvedRate.daysObserved).toBe(46);
    const countedAsUsage = estimateUsageRate(blockedAtEnd.map(({ date, tokens }) => ({ date, tokens })));
    expect(countedAsUsage.expected).toBeLessThan(500);
  });

  it('uses the starved days when they are all there is', () => {
    const rate = estimateUsageRate(history(MONDAY, 10, () => 30).map((day) => ({ ...day, starved: true })));
    expect(rate.daysObserved).toBe(10);
    expect(rate.expected).toBeCloseTo(30, 6);
  });
});
