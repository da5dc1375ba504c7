import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../../shared/api/billing-api';
import { addCalendarDays, mondayFirstWeekday } from '../../../../shared/domain/forecast/calendar-day';
import { forecastRunway, type RunwayInput } from '../../../../shared/domain/forecast/runway';
import {
  estimateUsageRate,
  type UsageRate,
  type WeekdayProfile,
} from '../../../../shared/domain/forecast/usage-rate';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const PACKS: Pack[] = [
  { id: 'pack_5k', tokens: 5_000, price: usd(6_500) },
  { id: 'pack_1k', tokens: 1_000, price: usd(1_500) },
  { id: 'pack_25k', tokens: 25_000, price: usd(27_500) },
  { id: 'pack_10k', tokens: 10_000, price: usd(12_000) },
];
const FLAT: WeekdayProfile = [1, 1, 1, 1, 1, 1, 1];

function rate(expected: number, low = expected, high = expected, weekdayProfile = FLAT): UsageRate {
  return { basis: 'full', daysObserved: 56, low, expected, high, weekdayProfile };
}

function input(overrides: Partial<RunwayInput>): RunwayInput {
  return {
    today: '2026-03-02',
    balance: { plan: 5_000, topUp: 0 },
    renewalDate: '2026-03-12',
    allocation: 10_000,
    packs: PACKS,
    usage: rate(1_000),
    ...overrides,
  };
}

describe('forecastRunway', () => {
  it('runs a steady client dry on the day its balance is used up, sooner at the high rate and later at the low', () => {
    const forecast = forecastRunway(input({ usage: rate(1_000, 800, 1_250) }));
    // 5,000 tokens at 1,000 a day, today included: the fifth day ends at 0.
    expect(forecast.zeroDate).toEqual({
      expected: '2026-03-06',
      earliest: '2026-03-05',
      latest: '2026-03-08',
    });
    expect(forecast.lastsPastRenewal).toBe(false);
    expect(forecast.projection).toHaveLength(10);
    expect(forecast.projection[0]).toEqual({ date: '2026-03-02', plan: 4_000, topUp: 0 });
    expect(forecast.projection[9]).toEqual({ date: '2026-03-11', plan: 0, topUp: 0 });
    // 10 days × 1,000 × 1.15 − 5,000
    expect(forecast.tokensNeeded).toBe(6_500);
    expect(forecast.recommendedPack).toEqual({ pack: PACKS[3], coversNeed: true });
  });

  it('follows the weekly rhythm: a Friday balance survives the empty weekend', () => {
    // Eight weeks of history, Monday 2026-01-05 to Sunday 2026-03-01: 1,400 a weekday, nothing at weekends.
    const history = Array.from({ length: 56 }, (_, i) => {
      const date = addCalendarDays('2026-01-05', i);
      return { date, tokens: mondayFirstWeekday(date) < 5 ? 1_400 : 0 };
    });
    const forecast = forecastRunway(
      input({
        today: '2026-03-06', // a Friday
        renewalDate: '2026-03-20',
        balance: { plan: 4_000, topUp: 0 },
        usage: estimateUsageRate(history),
      }),
    );
    // Friday → 2,600, the weekend keeps it, Monday → 1,200, Tuesday runs out. A flat 1,000 a day says Monday.
    expect(forecast.zeroDate.expected).toBe('2026-03-10');
    expect(mondayFirstWeekday(forecast.zeroDate.expected ?? '')).toBe(1);
    const saturday = forecast.projection.find((day) => day.date === '2026-03-07');
    const sunday = forecast.projection.find((day) => day.date === '2026-03-08');
    expect(saturday?.plan).toBe(2_600);
    expect(sunday?.plan).toBe(2_600);
  });

  it('counts plan tokens left at the renewal as expiring', () => {
    const forecast = forecastRunway(
      input({ allocation: 50_000, balance: { plan: 40_000, topUp: 0 }, usage: rate(1_000, 700, 1_400) }),
    );
    expect(forecast.planTokensExpiring).toEqual({ expected: 30_000, low: 26_000, high: 33_000 });
    expect(forecast.expiringShareOfAllocation).toBeCloseTo(0.6, 9);
    expect(forecast.expiringShareOfAllocation).toBeGreaterThan(0.25);
    expect(forecast.lastsPastRenewal).toBe(true);
    expect(forecast.zeroDate).toEqual({ expected: null, earliest: null, latest: null });
    expect(forecast.tokensNeeded).toBe(0);
    expect(forecast.recommendedPack).toBeNull();
  });

  it('draws plan tokens first and leaves top-up tokens untouched until the plan is empty', () => {
    const forecast = forecastRunway(input({ balance: { plan: 1_000, topUp: 5_000 }, usage: rate(200) }));
    const days = forecast.projection;
    expect(days).toHaveLength(10);
    expect(days.slice(0, 5).map((d) => d.plan)).toEqual([800, 600, 400, 200, 0]);
    expect(days.slice(0, 5).every((d) => d.topUp === 5_000)).toBe(true);
    expect(days.slice(5).every((d) => d.plan === 0)).toBe(true);
    expect(days.slice(5).map((d) => d.topUp)).toEqual([4_800, 4_600, 4_400, 4_200, 4_000]);
    expect(forecast.planTokensExpiring.expected).toBe(0);
    expect(forecast.lastsPastRenewal).toBe(true);
    expect(forecast.tokensNeeded).toBe(0);
  });

  it('forecasts no usage for a client with no history', () => {
    const forecast = forecastRunway(
      input({ balance: { plan: 3_000, topUp: 500 }, allocation: 10_000, usage: estimateUsageRate([]) }),
    );
    expect(forecast.zeroDate).toEqual({ expected: null, earliest: null, latest: null });
    expect(forecast.lastsPastRenewal).toBe(true);
    expect(forecast.tokensNeeded).toBe(0);
    expect(forecast.recommendedPack).toBeNull();
    expect(forecast.planTokensExpiring).toEqual({ expected: 3_000, low: 3_000, high: 3_000 });
    expect(forecast.expiringShareOfAllocation).toBeCloseTo(0.3, 9);
    expect(forecast.projection.every((d) => d.plan === 3_000 && d.topUp === 500)).toBe(true);
  });

  it('has nothing to project once the renewal is today', () => {
    const forecast = forecastRunway(input({ renewalDate: '2026-03-02', balance: { plan: 700, topUp: 0 } }));
    expect(forecast.projection).toEqual([]);
    expect(forecast.planTokensExpiring.expected).toBe(700);
    expect(forecast.lastsPastRenewal).toBe(true);
  });

  it('picks the smallest pack that covers the need, the cheaper of two the same size', () => {
    const sale: Pack = { id: 'pack_5k_sale', tokens: 5_000, price: usd(5_900) };
    // 10 days × 400 × 1.15 − 0 = 4,600 tokens needed.
    const forecast = forecastRunway(
      input({ balance: { plan: 0, topUp: 0 }, usage: rate(400), packs: [...PACKS, sale] }),
    );
    expect(forecast.tokensNeeded).toBe(4_600);
    expect(forecast.recommendedPack).toEqual({ pack: sale, coversNeed: true });
  });

  it('offers the largest pack, saying it does not cover the need, when none does', () => {
    const forecast = forecastRunway(input({ balance: { plan: 0, topUp: 0 }, usage: rate(5_000) }));
    expect(forecast.tokensNeeded).toBe(57_500);
    expect(forecast.recommendedPack).toEqual({ pack: PACKS[2], coversNeed: false });
  });

  it('asks for whole tokens without a stray extra one from floating-point rounding', () => {
    const forecast = forecastRunway(
      input({ balance: { plan: 0, topUp: 0 }, usage: rate(10), bufferShare: 0.1 }),
    );
    expect(forecast.tokensNeeded).toBe(110);
  });

  it('recommends no pack when the catalogue is empty, still saying how many tokens are needed', () => {
    const forecast = forecastRunway(input({ packs: [], bufferShare: 0 }));
    expect(forecast.tokensNeeded).toBe(5_000);
    expect(forecast.recommendedPack).toBeNull();
  });
});

const profileArb = fc
  .array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 7, maxLength: 7 })
  .filter((values) => values.some((v) => v > 0.01))
  .map((values): WeekdayProfile => {
    const total = values.reduce((a, b) => a + b, 0);
    const [mon = 1, tue = 1, wed = 1, thu = 1, fri = 1, sat = 1, sun = 1] = values.map(
      (v) => (v * 7) / total,
    );
    return [mon, tue, wed, thu, fri, sat, sun];
  });

describe('forecastRunway properties', () => {
  it('never grows the balance, keeps buckets whole and non-negative, drains plan first, and orders zero dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.tuple(
          fc.double({ min: 0, max: 10_000, noNaN: true }),
          fc.double({ min: 0, max: 10_000, noNaN: true }),
          fc.double({ min: 0, max: 10_000, noNaN: true }),
        ),
        profileArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 400 }),
        (plan, topUp, rates, profile, days, startOffset) => {
          const [low, expected, high] = [...rates].sort((a, b) => a - b) as [number, number, number];
          const today = addCalendarDays('2026-01-01', startOffset);
          const forecast = forecastRunway({
            today,
            balance: { plan, topUp },
            renewalDate: addCalendarDays(today, days),
            allocation: 50_000,
            packs: PACKS,
            usage: { basis: 'full', daysObserved: 56, low, expected, high, weekdayProfile: profile },
          });
          expect(forecast.projection).toHaveLength(days);
          let previous = { plan, topUp };
          for (const day of forecast.projection) {
            expect(Number.isInteger(day.plan) && Number.isInteger(day.topUp)).toBe(true);
            expect(day.plan).toBeGreaterThanOrEqual(0);
            expect(day.topUp).toBeGreaterThanOrEqual(0);
            expect(day.plan + day.topUp).toBeLessThanOrEqual(previous.plan + previous.topUp);
            if (day.plan > 0) expect(day.topUp).toBe(topUp);
            previous = day;
          }
          const { earliest, expected: middle, latest } = forecast.zeroDate;
          if (earliest !== null && middle !== null) expect(earliest <= middle).toBe(true);
          if (middle !== null && latest !== null) expect(middle <= latest).toBe(true);
          if (middle !== null) expect(earliest).not.toBeNull();
          if (latest !== null) expect(middle).not.toBeNull();
          const expiring = forecast.planTokensExpiring;
          expect(expiring.low).toBeLessThanOrEqual(expiring.expected);
          expect(expiring.expected).toBeLessThanOrEqual(expiring.high);
          expect(forecast.lastsPastRenewal).toBe(middle === null);
        },
      ),
      { numRuns: 300 },
    );
  });
});
