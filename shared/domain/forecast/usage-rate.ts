/**
 * How many tokens a client uses a day, with a range and a weekly rhythm, from the last up to 56 complete days.
 *
 * Method, in this order:
 * 1. Spikes are capped (winsorised) before anything else sees them: each day's value is capped at its baseline +
 *    3.5 robust standard deviations. The baseline is the larger of two medians: that of the same weekday (of all
 *    days while a weekday has fewer than three), so a heavy Monday every week is not a spike; and that of the 7
 *    days centred on the day, so a level that has really changed for four days or more is not clipped back to
 *    the old one, while a campaign of up to three days is. The scale is 1.4826 × the median absolute deviation
 *    from the baselines, floored at 10% of the mean baseline because very regular usage has a MAD of 0 and would
 *    otherwise cap every ordinary wobble. Only the upper side is capped: a quiet day is usage that really did not
 *    happen, and lifting it would make the balance look shorter-lived.
 * 2. Weekday profile (index 0 = Monday … 6 = Sunday, mean 1): each weekday's mean capped usage over the
 *    average weekday's, shrunk toward 1 by min(1, observations / 4): one Monday
 *    seen moves Monday's multiplier a quarter of the way, since it may have been an odd day; four or more are
 *    trusted in full. Under 7 days the profile is flat.
 * 3. Level (tokens on an average day): an exponentially weighted mean with a 7-day half-life, taken as the ratio
 *    Σ w·usage / Σ w·profile. That de-seasonalises without dividing each day by its multiplier, which blows up
 *    on weekends close to 0, and a window that happens to end on a quiet Sunday is not read as a slowdown.
 * 4. Range: every rolling 7-day total of capped usage is divided by what the level as of that week's last day
 *    and the profile make of the same seven days; the 10th and 90th percentiles of those ratios scale the level
 *    to low and high. Measuring weeks against the level of their time, not against one overall mean, keeps a
 *    client whose usage has simply grown from getting a band as wide as its growth. The band is at least ±10%
 *    (±25% with fewer than 14 days, too few weeks to measure spread); under 7 days it is a fixed ×0.5 to ×2.
 *
 * Days the balance ran out (`starved`) are left out before step 1: a blocked client's near-zero usage is the
 * empty balance, not its demand, and counting it would push the next zero date late. When every day is starved
 * they are all that is known, and are used.
 *
 * Rates are floats (tokens per average day); the runway rounds only the cumulative projection.
 */
import { mondayFirstWeekday } from './calendar-day';

export interface DailyUsage {
  date: string;
  tokens: number;
  /**
   * The balance ran out on this day (or was already out): what was used is cut short, not what the client
   * wanted. Such days are left out of the estimate, as long as any other day is left.
   */
  starved?: boolean;
}

/** 'none': no history, every rate 0. 'short': fewer than 7 days, wide range. 'full': 7 days or more. */
export type UsageBasis = 'none' | 'short' | 'full';

/** Seven multipliers, Monday first; they average 1, so rate × multiplier is that weekday's usage. */
export type WeekdayProfile = readonly [number, number, number, number, number, number, number];

export interface UsageRate {
  basis: UsageBasis;
  /** Days of history used (at most {@link MAX_HISTORY_DAYS}). */
  daysObserved: number;
  /** Tokens on an average day (floats): `expected` is the estimate, `low` and `high` bound about 80% of weeks. */
  low: number;
  expected: number;
  high: number;
  weekdayProfile: WeekdayProfile;
}

export const MAX_HISTORY_DAYS = 56;
const HALF_LIFE_DAYS = 7;
/** Weeks of a weekday after which its own multiplier is trusted in full. */
const PROFILE_FULL_TRUST_WEEKS = 4;
/** Spike capping, step 1 of the method above. */
const SPIKE = { scales: 3.5, madToSd: 1.4826, minScaleShare: 0.1, weekdayMedianMinCount: 3 } as const;
/** The range, step 4; `fewWeeksDays` is where rolling weeks become too few to measure spread. */
const BAND = {
  lowQuantile: 0.1,
  highQuantile: 0.9,
  min: 0.1,
  fewWeeksMin: 0.25,
  fewWeeksDays: 14,
  shortLow: 0.5,
  shortHigh: 2,
} as const;

const FLAT_PROFILE: WeekdayProfile = [1, 1, 1, 1, 1, 1, 1];

/** The multiplier for a calendar date's weekday. */
export function weekdayMultiplier(profile: WeekdayProfile, isoDate: string): number {
  return profile[mondayFirstWeekday(isoDate)] ?? 1;
}

export function estimateUsageRate(history: readonly DailyUsage[]): UsageRate {
  const recent = history.slice(-MAX_HISTORY_DAYS);
  const unstarved = recent.filter((day) => !day.starved);
  const days = (unstarved.length > 0 ? unstarved : recent).map((day) => ({
    weekday: mondayFirstWeekday(day.date),
    tokens: Number.isFinite(day.tokens) && day.tokens > 0 ? day.tokens : 0,
  }));
  const n = days.length;
  if (n === 0) {
    return { basis: 'none', daysObserved: 0, low: 0, expected: 0, high: 0, weekdayProfile: FLAT_PROFILE };
  }

  const weekdays = days.map((d) => d.weekday);
  const capped = capSpikes(days);
  // Under a week some weekdays are unseen, and the seen ones would be scaled to stand in for them.
  const profile = n < 7 ? FLAT_PROFILE : weekdayProfile(weekdays, capped);
  const levels = levelAfterEachDay(weekdays, capped, profile);
  const expected = levels[n - 1] ?? 0;
  const [lowFactor, highFactor] =
    n < 7 ? [BAND.shortLow, BAND.shortHigh] : weeklyBand(weekdays, capped, profile, levels);
  return {
    basis: n < 7 ? 'short' : 'full',
    daysObserved: n,
    low: expected * lowFactor,
    expected,
    high: expected * highFactor,
    weekdayProfile: profile,
  };
}

function capSpikes(days: readonly { weekday: number; tokens: number }[]): number[] {
  const all = days.map((d) => d.tokens);
  const overallMedian = median(all);
  const window = new Float64Array(7);
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (const d of days) byWeekday[d.weekday]?.push(d.tokens);
  const weekdayMedians = byWeekday.map((same) =>
    same.length >= SPIKE.weekdayMedianMinCount ? median(same) : overallMedian,
  );
  const baselines = days.map((d, i) =>
    Math.max(
      weekdayMedians[d.weekday] ?? overallMedian,
      windowMedian(all, Math.max(0, i - 3), Math.min(all.length, i + 4), window),
    ),
  );
  const deviations = days.map((d, i) => Math.abs(d.tokens - (baselines[i] ?? 0)));
  const meanBaseline = mean(baselines);
  const scale = Math.max(SPIKE.madToSd * median(deviations), SPIKE.minScaleShare * meanBaseline);
  return days.map((d, i) => Math.min(d.tokens, (baselines[i] ?? 0) + SPIKE.scales * scale));
}

function weekdayProfile(weekdays: readonly number[], usage: readonly number[]): WeekdayProfile {
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  weekdays.forEach((weekday, i) => {
    sums[weekday] = (sums[weekday] ?? 0) + (usage[i] ?? 0);
    counts[weekday] = (counts[weekday] ?? 0) + 1;
  });
  const means = sums.map((sum, w) => ((counts[w] ?? 0) > 0 ? sum / (counts[w] ?? 1) : null));
  const observed = means.filter((m): m is number => m !== null);
  const average = mean(observed);
  if (average <= 0) return FLAT_PROFILE;
  const shrunk = means.map((m, w) => {
    if (m === null) return 1;
    const trust = Math.min(1, (counts[w] ?? 0) / PROFILE_FULL_TRUST_WEEKS);
    return 1 + trust * (m / average - 1);
  });
  const total = shrunk.reduce((a, b) => a + b, 0);
  const [mon = 1, tue = 1, wed = 1, thu = 1, fri = 1, sat = 1, sun = 1] = shrunk.map((p) => (p * 7) / total);
  return [mon, tue, wed, thu, fri, sat, sun];
}

/** The exponentially weighted level as of each day, computed in one pass (the weights decay by a constant factor). */
function levelAfterEachDay(
  weekdays: readonly number[],
  usage: readonly number[],
  profile: WeekdayProfile,
): number[] {
  const decay = 0.5 ** (1 / HALF_LIFE_DAYS);
  let weightedUsage = 0;
  let weightedProfile = 0;
  return weekdays.map((weekday, i) => {
    weightedUsage = weightedUsage * decay + (usage[i] ?? 0);
    weightedProfile = weightedProfile * decay + (profile[weekday] ?? 1);
    return weightedProfile > 0 ? weightedUsage / weightedProfile : 0;
  });
}

/** Low and high factors on the level, from how far each 7-day total strays from the level of its time. */
function weeklyBand(
  weekdays: readonly number[],
  usage: readonly number[],
  profile: WeekdayProfile,
  levels: readonly number[],
): [number, number] {
  const minBand = usage.length < BAND.fewWeeksDays ? BAND.fewWeeksMin : BAND.min;
  const ratios: number[] = [];
  for (let end = 6; end < usage.length; end += 1) {
    let actual = 0;
    let weight = 0;
    for (let i = end - 6; i <= end; i += 1) {
      actual += usage[i] ?? 0;
      weight += profile[weekdays[i] ?? 0] ?? 1;
    }
    const predicted = (levels[end] ?? 0) * weight;
    if (predicted > 0) ratios.push(actual / predicted);
  }
  if (ratios.length === 0) return [1 - minBand, 1 + minBand];
  return [
    Math.min(quantile(ratios, BAND.lowQuantile), 1 - minBand),
    Math.max(quantile(ratios, BAND.highQuantile), 1 + minBand),
  ];
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/**
 * The median of `values[from..to)` (at most 7), sorted by insertion in `scratch`: it runs for every day of
 * every client the dashboard forecasts, and a copy and a sort each time was the largest part of the estimate.
 */
function windowMedian(values: readonly number[], from: number, to: number, scratch: Float64Array): number {
  const n = to - from;
  for (let i = 0; i < n; i += 1) {
    const value = values[from + i] ?? 0;
    let j = i;
    for (; j > 0 && (scratch[j - 1] ?? 0) > value; j -= 1) scratch[j] = scratch[j - 1] ?? 0;
    scratch[j] = value;
  }
  // quantile(…, 0.5) of the sorted window, without a view object per call.
  const position = (n - 1) * 0.5;
  const below = Math.floor(position);
  const lower = scratch[below] ?? 0;
  const upper = scratch[Math.min(below + 1, n - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
}

/** Linear interpolation between order statistics (the common "type 7" definition). */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const position = (values.length - 1) * q;
  const below = Math.floor(position);
  // Only two order statistics are needed, so they are selected rather than the whole list sorted: the
  // dashboard estimates every client's rate, each with a dozen quantiles, and sorting was a third of the estimate's time.
  const scratch = new Float64Array(values);
  const lower = selectInPlace(scratch, below);
  let upper = lower;
  if (below + 1 < scratch.length) {
    upper = Number.POSITIVE_INFINITY;
    for (let i = below + 1; i < scratch.length; i += 1) upper = Math.min(upper, scratch[i] ?? upper);
  }
  return lower + (upper - lower) * (position - below);
}

/**
 * Hoare's selection: rearranges `values` so the k-th smallest (from 0) is at `k`, nothing after it smaller, and
 * returns it. Each pass keeps the side holding `k` of a partition around the middle value.
 */
function selectInPlace(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i += 1;
      while ((values[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] ?? 0;
}
