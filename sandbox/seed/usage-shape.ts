/**
 * How a client's usage moves over the seeded months, so the dashboard and the forecast have something true to
 * find on first start: a weekly rhythm (office clients go quiet at weekends, shops and studios work through
 * them), a trend (growing or winding down), a few campaigns of days at 3–6× usage, and, for some clients that
 * buy packs, a demand above the plan so they run out before every renewal.
 *
 * Trends end at the client's usage rate, so today's balances and the balance profiles keep their meaning; the
 * past is what moves. A shape is drawn from its own PRNG stream, so the setup choices (tier, renewal day,
 * profile, Auto Reload…) are drawn exactly as before shapes existed.
 */
import type { ClientSetup } from './client-setups';
import type { Prng } from './prng';

export interface Campaign {
  /** Index of the first day in the history. */
  firstDay: number;
  days: number;
  /** Usage on a campaign day over an ordinary busy day. */
  factor: number;
}

export interface UsageShape {
  /**
   * Usage on a day with usage, by UTC weekday (0 = Sunday), over an average day: with the weekend days that
   * have none (see weekendActiveChance), a week averages 1.
   */
  weekdayFactors: readonly number[];
  /** Chance that a weekend day outside a campaign has any usage. */
  weekendActiveChance: number;
  /** Usage level on the first day over the last: it moves geometrically to 1 across the history. */
  startLevel: number;
  campaigns: readonly Campaign[];
  /** Share of the plan allocation used in an average cycle at the end of the history. */
  usageRate: number;
  /** Buys just enough each time it is about to run dry before the renewal. */
  buysEveryCycle: boolean;
}

/**
 * Weekend habits by chance: an office (quiet weekends, half of them without any usage), a business with
 * lighter weekends, and one busiest at weekends (shops, studios, hospitality). `weekend` is the range of a
 * weekend day's usage over a working day's, `active` the chance that a weekend day has any.
 */
const HABITS: readonly { chance: number; weekend: [number, number]; active: number }[] = [
  { chance: 0.5, weekend: [0.15, 0.35], active: 0.5 },
  { chance: 0.25, weekend: [0.45, 0.75], active: 1 },
  { chance: 0.25, weekend: [1.1, 1.5], active: 1 },
];
/** Trend kinds by chance, with the start level's range: growth starts low, decline starts high. */
const TRENDS: readonly { chance: number; startLevel: [number, number] }[] = [
  { chance: 0.5, startLevel: [0.9, 1.1] },
  { chance: 0.3, startLevel: [0.4, 0.7] },
  { chance: 0.2, startLevel: [1.4, 2] },
];
const CAMPAIGN = { clientChance: 0.5, maxCount: 3, maxDays: 3, factor: [3, 6] } as const;
/** Pack buyers with a demand above their plan: how often, and the demand's range (share of the allocation). */
const EVERY_CYCLE_BUYER = { chance: 0.5, usageRate: [1.3, 1.6] } as const;

function between(rng: Prng, [low, high]: readonly [number, number]): number {
  return low + rng.next() * (high - low);
}

/** Picks by cumulative chance; the chances add up to 1. */
function byChance<T extends { chance: number }>(rng: Prng, options: readonly T[]): T {
  let roll = rng.next();
  for (const option of options) {
    roll -= option.chance;
    if (roll < 0) return option;
  }
  return options[options.length - 1] as T;
}

function weekdayFactors(rng: Prng, weekend: number, active: number): number[] {
  // Working days differ a little (a heavy Monday, a light Friday), by up to 15% either way.
  const raw = Array.from({ length: 7 }, (_, day) =>
    day === 0 || day === 6 ? weekend : 0.85 + rng.next() * 0.3,
  );
  const expected = raw.map((factor, day) => (day === 0 || day === 6 ? factor * active : factor));
  const mean = expected.reduce((a, b) => a + b, 0) / 7;
  return raw.map((factor) => factor / mean);
}

export function planUsageShape(setup: ClientSetup, rng: Prng, historyDays: number): UsageShape {
  // Every draw happens for every client, in a fixed order, so one client's shape never shifts another part.
  const habit = byChance(rng, HABITS);
  const factors = weekdayFactors(rng, between(rng, habit.weekend), habit.active);
  const trend = between(rng, byChance(rng, TRENDS).startLevel);
  const campaignCount = rng.chance(CAMPAIGN.clientChance) ? rng.int(1, CAMPAIGN.maxCount) : 0;
  const campaigns = Array.from({ length: campaignCount }, () => {
    const days = rng.int(1, CAMPAIGN.maxDays);
    return { firstDay: rng.int(0, historyDays - days), days, factor: between(rng, CAMPAIGN.factor) };
  });
  const buyerRoll = rng.chance(EVERY_CYCLE_BUYER.chance);
  const demand = between(rng, EVERY_CYCLE_BUYER.usageRate);
  const buysEveryCycle = buyerRoll && setup.profile === 'steady' && setup.buysTopUps;
  return {
    weekdayFactors: factors,
    weekendActiveChance: habit.active,
    // A client that buys every cycle has outgrown its plan all along: no trend back below it.
    startLevel: buysEveryCycle ? 1 : trend,
    campaigns,
    usageRate: buysEveryCycle ? Math.max(setup.usageRate, demand) : setup.usageRate,
    buysEveryCycle,
  };
}

/** The trend's level on a day of the history, 1 on the last. */
export function trendLevel(shape: UsageShape, dayIndex: number, historyDays: number): number {
  const remaining = historyDays <= 1 ? 0 : 1 - dayIndex / (historyDays - 1);
  return shape.startLevel ** Math.max(0, remaining);
}

/** The campaign factor on a day of the history, 1 outside campaigns. */
export function campaignFactor(shape: UsageShape, dayIndex: number): number {
  const campaign = shape.campaigns.find((c) => dayIndex >= c.firstDay && dayIndex < c.firstDay + c.days);
  return campaign?.factor ?? 1;
}
