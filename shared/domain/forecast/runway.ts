/**
 * How long a client's tokens last until the plan renews, and what to buy if they do not.
 *
 * Plan tokens expire at the renewal and usage draws them first, so top-up tokens (which never expire) are only
 * touched once the plan bucket is empty. Each day from today up to the day before the renewal uses the rate ×
 * that weekday's multiplier; today counts as a whole day, because the balance is what is left now and the usage
 * history only has complete days, so part of today's usage may still be ahead. Draws are whole tokens: the
 * running total is rounded, not each day, so fractions never pile up into a drift.
 */
import type { Pack } from '../../api/billing-api';
import { daysBetween } from '../format';
import { consecutiveDays } from './calendar-day';
import { type UsageRate, weekdayMultiplier } from './usage-rate';

export const DEFAULT_BUFFER_SHARE = 0.15;

export interface TokenBuckets {
  plan: number;
  topUp: number;
}

export interface RunwayInput {
  /** Calendar date (YYYY-MM-DD, UTC); the balance is as of now, before the rest of today's usage. */
  today: string;
  balance: TokenBuckets;
  /** The plan's reset: plan tokens left at the start of this day expire. */
  renewalDate: string;
  /** Plan tokens granted at each renewal. */
  allocation: number;
  packs: readonly Pack[];
  usage: UsageRate;
  /** Extra share of the expected usage to buy for, so an ordinary busy week does not run the client dry. */
  bufferShare?: number;
}

/** Balance at the end of a day. */
export interface ProjectedDay extends TokenBuckets {
  date: string;
}

export interface RunwayForecast {
  /**
   * The first day whose projected balance ends at 0, or null when tokens last until the renewal. `earliest`
   * uses the high usage rate, `latest` the low one.
   */
  zeroDate: { expected: string | null; earliest: string | null; latest: string | null };
  lastsPastRenewal: boolean;
  /** Tokens to buy so the expected usage until the renewal, plus the buffer, is covered (0 when it already is). */
  tokensNeeded: number;
  /** The smallest pack covering `tokensNeeded`, or the largest pack with `coversNeed: false`; null when none is needed. */
  recommendedPack: { pack: Pack; coversNeed: boolean } | null;
  /**
   * Plan tokens left unused at the renewal, which then expire. `low` comes from the high usage rate and `high`
   * from the low one, so low ≤ expected ≤ high.
   */
  planTokensExpiring: { expected: number; low: number; high: number };
  /** planTokensExpiring.expected / allocation (0 when the allocation is 0). */
  expiringShareOfAllocation: number;
  /** Expected end-of-day balance for each day from today up to the day before the renewal. */
  projection: ProjectedDay[];
}

interface Scenario {
  days: ProjectedDay[];
  zeroDate: string | null;
  /** Unrounded tokens this rate uses before the renewal. */
  usage: number;
  planLeft: number;
}

export function forecastRunway(input: RunwayInput): RunwayForecast {
  const bufferShare = Math.max(0, input.bufferShare ?? DEFAULT_BUFFER_SHARE);
  const start: TokenBuckets = {
    plan: Math.max(0, Math.floor(input.balance.plan)),
    topUp: Math.max(0, Math.floor(input.balance.topUp)),
  };
  const dayCount = Math.max(0, daysBetween(input.today, input.renewalDate));
  // The days and their weekday multipliers are the same for all three rates, so they are worked out once.
  const calendar = consecutiveDays(input.today, dayCount).map((date) => ({
    date,
    multiplier: weekdayMultiplier(input.usage.weekdayProfile, date),
  }));
  const run = (rate: number): Scenario => project(calendar, start, rate);
  const expected = run(input.usage.expected);
  const heavy = run(Math.max(input.usage.high, input.usage.expected));
  const light = run(Math.min(input.usage.low, input.usage.expected));

  // The 1e-9 keeps a product like 100 × 1.1 = 110.00000000000001 from asking for one token more.
  const tokensNeeded = Math.max(
    0,
    Math.ceil(expected.usage * (1 + bufferShare) - (start.plan + start.topUp) - 1e-9),
  );
  return {
    zeroDate: { expected: expected.zeroDate, earliest: heavy.zeroDate, latest: light.zeroDate },
    lastsPastRenewal: expected.zeroDate === null,
    tokensNeeded,
    recommendedPack: recommendPack(input.packs, tokensNeeded),
    planTokensExpiring: { expected: expected.planLeft, low: heavy.planLeft, high: light.planLeft },
    expiringShareOfAllocation: input.allocation > 0 ? expected.planLeft / input.allocation : 0,
    projection: expected.days,
  };
}

function project(
  calendar: readonly { date: string; multiplier: number }[],
  start: TokenBuckets,
  rate: number,
): Scenario {
  const days: ProjectedDay[] = [];
  let { plan, topUp } = start;
  let usage = 0;
  let drawn = 0;
  let zeroDate: string | null = null;
  for (const { date, multiplier } of calendar) {
    usage += Math.max(0, rate) * multiplier;
    const draw = Math.round(usage) - drawn;
    drawn += draw;
    const fromPlan = Math.min(plan, draw);
    plan -= fromPlan;
    topUp = Math.max(0, topUp - (draw - fromPlan));
    days.push({ date, plan, topUp });
    if (zeroDate === null && plan + topUp <= 0) zeroDate = date;
  }
  return { days, zeroDate, usage, planLeft: plan };
}

/** The smallest pack covering `tokensNeeded`, else the largest (which does not cover it); null when nothing is needed. */
export function recommendPack(
  packs: readonly Pack[],
  tokensNeeded: number,
): RunwayForecast['recommendedPack'] {
  if (tokensNeeded <= 0 || packs.length === 0) return null;
  // Among packs of one size the cheaper wins, so a sale price is never passed over.
  const bySize = [...packs].sort((a, b) => a.tokens - b.tokens || a.price.amount - b.price.amount);
  const covering = bySize.find((pack) => pack.tokens >= tokensNeeded);
  if (covering) return { pack: covering, coversNeed: true };
  const largestSize = bySize[bySize.length - 1]?.tokens;
  const largest = bySize.find((pack) => pack.tokens === largestSize);
  return largest ? { pack: largest, coversNeed: false } : null;
}
