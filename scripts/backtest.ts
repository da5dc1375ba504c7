/**
 * `npm run backtest`: how the runway forecast would have done on the seeded demo, day by day.
 *
 * The sandbox's seed is run in-process for a fixed clock (the sandbox integration tests' one, so a run is
 * reproducible; `--now` and `--seed` change it). For every client and every day D of the last 60 complete
 * days, the forecast sees only what the app would have seen at the start of D: the daily usage of up to 56
 * days before D (from the client's first day on, as the app does), and the plan and top-up buckets after
 * every entry before D plus D's own renewal, if D is one. It is then compared with what happened from D on:
 *
 * - Zero date: for clients whose balance, from a positive start, actually reached zero within 14 days of D
 *   and before their renewal, the days between the predicted and the actual zero date; a forecast that the
 *   tokens last past the renewal counts as the days from the actual zero date to the renewal.
 * - End-of-cycle balance: the balance at the end of the day before the renewal following D, predicted against
 *   actual, in percent of the plan allocation, for renewals that have already happened.
 *
 * Purchases after D (top-ups, Auto Reloads) are left out of the actual balance: it is D's starting balance
 * minus the usage recorded since, i.e. what usage alone did to the balance the forecast started from, and it
 * reaches zero on the day that usage adds up to the starting balance (floored at 0 for the end of the cycle).
 * A purchase is the manager reacting to the forecast, not something the forecast should have predicted.
 * Days the balance ran out are left out of the usage estimate, as the app leaves them out.
 *
 * Prints a Markdown table (median and 80th percentile by nearest rank) and exits with 1 when the median
 * zero-date error is over the 2-day target, or when there is no zero-date case to measure.
 */
import { parseArgs } from 'node:util';
import { PACKS, planByTier } from '../sandbox/seed/catalog';
import { DEFAULT_SEED, seedClients, type SeededClient } from '../sandbox/seed/seed-store';
import type { LedgerEntry } from '../shared/api/billing-api';
import { addCalendarDays } from '../shared/domain/forecast/calendar-day';
import { forecastRunway, type TokenBuckets } from '../shared/domain/forecast/runway';
import { estimateUsageRate, MAX_HISTORY_DAYS, type DailyUsage } from '../shared/domain/forecast/usage-rate';
import { daysBetween } from '../shared/domain/format';
import { percentile } from './bench/stats';

const BACKTEST_DAYS = 60;
const ZERO_WINDOW_DAYS = 14;
const TARGET_MEDIAN_ZERO_ERROR_DAYS = 2;
const DEFAULT_NOW = '2026-06-15T14:30:00.000Z';

/** One client's ledger as days: usage, buckets at each day's start and the renewal dates. */
interface ClientDays {
  firstDay: string;
  allocation: number;
  used: ReadonlyMap<string, number>;
  /** Days the balance ran out or was already out, as the app marks them from its per-day sums. */
  starved: ReadonlySet<string>;
  startBuckets: ReadonlyMap<string, TokenBuckets>;
  /** Every plan allocation's day, then the next renewal; ascending. */
  renewals: readonly string[];
}

interface CaseErrors {
  zeroDateDays: number[];
  endOfCyclePercent: number[];
}

const dayOf = (at: string): string => at.slice(0, 10);

function clientDays({ setup, history }: SeededClient, today: string): ClientDays {
  const firstDay = dayOf(history.entries[0]?.at ?? today);
  const used = new Map<string, number>();
  const starved = new Set<string>();
  const startBuckets = new Map<string, TokenBuckets>();
  let plan = 0;
  let topUp = 0;
  const byDay = new Map<string, LedgerEntry[]>();
  for (const entry of history.entries) {
    const list = byDay.get(dayOf(entry.at)) ?? [];
    list.push(entry);
    byDay.set(dayOf(entry.at), list);
  }
  for (let day = firstDay; day <= today; day = addCalendarDays(day, 1)) {
    // Renewals are stamped at the start of their day, before any usage: they belong to the day's start.
    const entries = byDay.get(day) ?? [];
    const renewal = (type: string): boolean => type === 'plan_allocation' || type === 'plan_expiry';
    for (const entry of entries.filter((e) => renewal(e.type))) plan += entry.amount;
    startBuckets.set(day, { plan, topUp });
    for (const entry of entries.filter((e) => !renewal(e.type))) {
      if (entry.bucket === 'plan') plan += entry.amount;
      else topUp += entry.amount;
      if (entry.type === 'usage') used.set(day, (used.get(day) ?? 0) - entry.amount);
    }
    // A day without entries keeps the balance it started with, so an empty one counts as ran out too.
    if (plan + topUp <= 0 || entries.some((entry) => entry.type === 'blocked')) starved.add(day);
  }
  const allocations = history.entries.filter((e) => e.type === 'plan_allocation').map((e) => dayOf(e.at));
  return {
    firstDay,
    allocation: planByTier(setup.tier).tokens_per_cycle,
    used,
    starved,
    startBuckets,
    renewals: [...allocations, history.record.renewal_date],
  };
}

/** What the app would have forecast at the start of `day`, with the renewal it counts down to. */
function forecastAt(days: ClientDays, day: string, renewalDate: string, balance: TokenBuckets) {
  const history: DailyUsage[] = [];
  const windowStart = addCalendarDays(day, -MAX_HISTORY_DAYS);
  const first = windowStart < days.firstDay ? days.firstDay : windowStart;
  for (let date = first; date < day; date = addCalendarDays(date, 1)) {
    history.push({ date, tokens: days.used.get(date) ?? 0, starved: days.starved.has(date) });
  }
  return forecastRunway({
    today: day,
    balance,
    renewalDate,
    allocation: days.allocation,
    packs: PACKS,
    usage: estimateUsageRate(history),
  });
}

function backtestClient(days: ClientDays, lastCompleteDay: string, errors: CaseErrors): void {
  for (let offset = BACKTEST_DAYS; offset >= 1; offset -= 1) {
    const day = addCalendarDays(lastCompleteDay, 1 - offset);
    const renewal = days.renewals.find((date) => date > day);
    const balance = days.startBuckets.get(day);
    if (renewal === undefined || balance === undefined) continue;
    const forecast = forecastAt(days, day, renewal, balance);
    const start = balance.plan + balance.topUp;

    let usedSince = 0;
    let zeroDate: string | null = null;
    const lastObserved = renewal <= lastCompleteDay ? addCalendarDays(renewal, -1) : lastCompleteDay;
    for (let date = day; date <= lastObserved; date = addCalendarDays(date, 1)) {
      usedSince += days.used.get(date) ?? 0;
      if (zeroDate === null && usedSince >= start) zeroDate = date;
    }
    if (start > 0 && zeroDate !== null && daysBetween(day, zeroDate) < ZERO_WINDOW_DAYS) {
      const predicted = forecast.zeroDate.expected;
      errors.zeroDateDays.push(
        predicted === null ? daysBetween(zeroDate, renewal) : Math.abs(daysBetween(predicted, zeroDate)),
      );
    }
    if (renewal <= lastCompleteDay && days.allocation > 0) {
      const actualEnd = Math.max(0, start - usedSince);
      const lastDay = forecast.projection.at(-1);
      const predictedEnd = lastDay ? lastDay.plan + lastDay.topUp : start;
      errors.endOfCyclePercent.push((Math.abs(predictedEnd - actualEnd) / days.allocation) * 100);
    }
  }
}

function row(metric: string, samples: readonly number[], unit: string, digits: number): string {
  const value = (p: number): string =>
    samples.length === 0 ? '–' : `${percentile(samples, p).toFixed(digits)}${unit}`;
  return `| ${metric} | ${samples.length} | ${value(50)} | ${value(80)} |`;
}

function main(): void {
  const { values } = parseArgs({
    options: { now: { type: 'string', default: DEFAULT_NOW }, seed: { type: 'string' } },
  });
  const now = new Date(values.now);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (Number.isNaN(now.getTime()) || !Number.isSafeInteger(seed)) {
    throw new Error('Usage: npm run backtest -- [--now <ISO date-time>] [--seed <integer>]');
  }
  const today = now.toISOString().slice(0, 10);
  const lastCompleteDay = addCalendarDays(today, -1);
  const errors: CaseErrors = { zeroDateDays: [], endOfCyclePercent: [] };
  const clients = seedClients({ seed, now });
  for (const client of clients) backtestClient(clientDays(client, today), lastCompleteDay, errors);

  console.log(
    `Backtest: ${clients.length} seeded clients (seed ${seed}), forecasts made on each of the ${BACKTEST_DAYS} ` +
      `days up to ${lastCompleteDay}\n`,
  );
  console.log('| metric | cases | median abs error | p80 |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(row(`zero date (ran out within ${ZERO_WINDOW_DAYS} days)`, errors.zeroDateDays, ' days', 1));
  console.log(row('end-of-cycle balance', errors.endOfCyclePercent, ' % of allocation', 1));

  const medianZeroError = percentile(errors.zeroDateDays, 50);
  const met = errors.zeroDateDays.length > 0 && medianZeroError <= TARGET_MEDIAN_ZERO_ERROR_DAYS;
  console.log(
    `\nTarget: median zero-date error ≤ ${TARGET_MEDIAN_ZERO_ERROR_DAYS} days: ${met ? 'met' : 'missed'}.`,
  );
  if (!met) process.exitCode = 1;
}

main();
