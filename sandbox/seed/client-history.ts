/**
 * Six months of a client's life, day by day: plan renewals, usage in the client's own shape (weekly rhythm,
 * trend, campaigns: see usage-shape.ts), auto reloads and manual top-ups, then a final nudge so each balance
 * profile (zero, low, large) really shows up in the current balances.
 */
import type { LedgerEntry } from '../../shared/api/billing-api';
import { lowBalanceThreshold } from '../../shared/domain/balance';
import { balanceOf } from '../../shared/domain/token-ledger';
import type { ClientRecord } from '../store/client-repository';
import type { InvoiceRecord } from '../store/invoice-repository';
import {
  addDays,
  addMonths,
  addMs,
  cycleStartOnOrBefore,
  daysBetween,
  isoDate,
  isWeekend,
  startOfUtcDay,
} from './calendar';
import { packById, PACKS, planByTier } from './catalog';
import { createClientBook, type ClientBook } from './client-book';
import { USAGE_ACTIVITIES } from './client-names';
import type { ClientSetup } from './client-setups';
import type { Prng } from './prng';
import { campaignFactor, trendLevel, type UsageShape } from './usage-shape';

export const HISTORY_MONTHS = 6;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Nothing is seeded in the last few minutes before `now`, so follow-up entries still land in the past. */
const QUIET_MS = 10 * MINUTE_MS;

export interface ClientHistory {
  record: ClientRecord;
  entries: readonly LedgerEntry[];
  invoices: readonly InvoiceRecord[];
}

/** Tokens of each of a day's usage events. A campaign runs through weekends; an ordinary weekend may have none. */
function dayUsage(rng: Prng, shape: UsageShape, day: Date, level: number, campaign: number): number[] {
  const weekdayFactor = shape.weekdayFactors[day.getUTCDay()] ?? 1;
  const active = campaign > 1 || !isWeekend(day) || rng.chance(shape.weekendActiveChance);
  if (!active) return [];
  // A campaign multiplies a busy day, so on a quiet weekend it still stands out as a campaign.
  const factor = campaign > 1 ? Math.max(1, weekdayFactor) * campaign : weekdayFactor;
  const tokens = level * factor * (0.65 + rng.next() * 0.7);
  // Weekend work comes in fewer, larger batches.
  const shares: number[] = [];
  let total = 0;
  for (let events = rng.int(1, isWeekend(day) ? 2 : 3); events > 0; events -= 1) {
    const share = 0.5 + rng.next();
    shares.push(share);
    total += share;
  }
  return shares.map((share) => Math.max(5, Math.round((tokens * share) / total / 5) * 5));
}

function usageTimes(rng: Prng, day: Date, count: number): Date[] {
  const offsets = Array.from({ length: count }, () => rng.int(8 * HOUR_MS, 18 * HOUR_MS));
  return offsets.sort((a, b) => a - b).map((offset) => addMs(day, Math.floor(offset / 1000) * 1000));
}

/**
 * A client that outgrew its plan buys once it is down to two days' usage: the pack closest to what it needs
 * until the renewal, so little rolls over and it buys again before every renewal.
 */
function buyBeforeRunningDry(book: ClientBook, daily: number, daysLeft: number, at: Date): void {
  const need = daily * daysLeft - book.total();
  if (daysLeft < 1 || book.total() >= daily * 2 || need <= 0) return;
  const pack = PACKS.reduce((best, p) =>
    Math.abs(p.tokens - need) <= Math.abs(best.tokens - need) ? p : best,
  );
  book.topUp('top_up', pack, at);
}

function maybeBuyTopUp(rng: Prng, setup: ClientSetup, book: ClientBook, allocation: number, at: Date): void {
  if (!setup.buysTopUps) return;
  if (setup.profile === 'large' && rng.chance(0.01)) {
    book.topUp('top_up', packById('pack_25k'), at);
    return;
  }
  if (book.total() < allocation * 0.2 && rng.chance(0.3)) {
    book.topUp('top_up', rng.pick(PACKS.filter((pack) => pack.tokens <= allocation)), at);
  }
}

function finishProfile(rng: Prng, setup: ClientSetup, book: ClientBook, allocation: number, now: Date): void {
  const lastAt = book.lastAt ?? now;
  const at = new Date(Math.min(now.getTime(), lastAt.getTime() + MINUTE_MS));
  if (setup.profile === 'depleted') {
    book.use(book.total(), at, rng.pick(USAGE_ACTIVITIES));
  } else if (setup.profile === 'low') {
    const target = Math.max(1, Math.floor(allocation * (0.03 + rng.next() * 0.05)));
    if (book.total() === 0) book.credit(target, at, 'Goodwill credit');
    else if (book.total() >= lowBalanceThreshold(allocation)) {
      book.use(book.total() - target, at, rng.pick(USAGE_ACTIVITIES));
    }
  } else if (setup.profile === 'large') {
    while (book.total() <= allocation) book.topUp('top_up', packById('pack_25k'), at);
  }
}

/** The history's first day (a renewal six cycles before the current one) and its length up to today. */
export function historySpan(setup: ClientSetup, now: Date): { firstDay: Date; days: number } {
  const today = startOfUtcDay(now);
  const firstDay = addMonths(cycleStartOnOrBefore(today, setup.anchorDay), -HISTORY_MONTHS);
  return { firstDay, days: daysBetween(firstDay, today) + 1 };
}

export function simulateClientHistory(
  setup: ClientSetup,
  shape: UsageShape,
  now: Date,
  rng: Prng,
): ClientHistory {
  const plan = planByTier(setup.tier);
  const allocation = plan.tokens_per_cycle;
  const daily = (allocation * shape.usageRate) / 30;
  const today = startOfUtcDay(now);
  const currentCycleStart = cycleStartOnOrBefore(today, setup.anchorDay);
  const latestSeedTime = now.getTime() - QUIET_MS;
  const book = createClientBook(setup, rng);

  const { firstDay, days: historyDays } = historySpan(setup, now);
  let nextRenewal = firstDay;
  for (let index = 0; index < historyDays; index += 1) {
    const day = addDays(firstDay, index);
    if (day.getTime() === nextRenewal.getTime()) {
      nextRenewal = addMonths(day, 1);
      book.renew(plan, day, nextRenewal);
    }
    const level = daily * trendLevel(shape, index, historyDays);
    const amounts = dayUsage(rng, shape, day, level, campaignFactor(shape, index));
    usageTimes(rng, day, amounts.length).forEach((time, i) => {
      if (time.getTime() > latestSeedTime) return;
      book.use(amounts[i] ?? 0, time, rng.pick(USAGE_ACTIVITIES));
      const reload = setup.autoReload;
      if (reload.enabled && reload.pack_id && book.total() < reload.threshold) {
        book.topUp('auto_reload', packById(reload.pack_id), addMs(time, 3_000));
      }
    });
    const topUpTime = addMs(day, 18 * HOUR_MS + rng.int(0, 90) * MINUTE_MS);
    if (topUpTime.getTime() > latestSeedTime) continue;
    if (shape.buysEveryCycle) buyBeforeRunningDry(book, level, daysBetween(day, nextRenewal) - 1, topUpTime);
    else maybeBuyTopUp(rng, setup, book, allocation, topUpTime);
  }
  finishProfile(rng, setup, book, allocation, now);

  const balance = balanceOf(book.state);
  return {
    record: {
      id: setup.id,
      name: setup.name,
      plan_tier: setup.tier,
      cycle_start: isoDate(currentCycleStart),
      renewal_date: isoDate(addMonths(currentCycleStart, 1)),
      balance_plan: balance.plan,
      balance_top_up: balance.top_up,
      auto_reload: setup.autoReload,
      updated_at: (book.lastAt ?? now).toISOString(),
    },
    entries: book.entries,
    invoices: book.invoices,
  };
}
