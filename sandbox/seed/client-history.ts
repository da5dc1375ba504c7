/**
 * Six months of a client's life, day by day: plan renewals, weekday-heavy usage,
 * auto reloads and manual top-ups, then a final nudge so each balance profile
 * (zero, low, large) really shows up in the current balances.
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
  isoDate,
  isWeekend,
  startOfUtcDay,
} from './calendar';
import { packById, PACKS, planByTier } from './catalog';
import { createClientBook, type ClientBook } from './client-book';
import { USAGE_ACTIVITIES } from './client-names';
import type { ClientSetup } from './client-setups';
import type { Prng } from './prng';

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

function usageTimes(rng: Prng, day: Date): Date[] {
  const count = isWeekend(day) ? rng.int(0, 1) : rng.int(1, 3);
  const offsets = Array.from({ length: count }, () => rng.int(8 * HOUR_MS, 18 * HOUR_MS));
  return offsets.sort((a, b) => a - b).map((offset) => addMs(day, Math.floor(offset / 1000) * 1000));
}

function usageAmount(rng: Prng, setup: ClientSetup, allocation: number, day: Date, events: number): number {
  const daily = ((allocation * setup.usageRate) / 30) * (isWeekend(day) ? 0.4 : 1.15);
  const raw = (daily * (0.4 + rng.next() * 1.2)) / events;
  return Math.max(5, Math.round(raw / 5) * 5);
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

export function simulateClientHistory(setup: ClientSetup, now: Date, rng: Prng): ClientHistory {
  const plan = planByTier(setup.tier);
  const allocation = plan.tokens_per_cycle;
  const today = startOfUtcDay(now);
  const currentCycleStart = cycleStartOnOrBefore(today, setup.anchorDay);
  const latestSeedTime = now.getTime() - QUIET_MS;
  const book = createClientBook(setup, rng);

  let nextRenewal = addMonths(currentCycleStart, -HISTORY_MONTHS);
  for (let day = nextRenewal; day.getTime() <= today.getTime(); day = addDays(day, 1)) {
    if (day.getTime() === nextRenewal.getTime()) {
      nextRenewal = addMonths(day, 1);
      book.renew(plan, day, nextRenewal);
    }
    const times = usageTimes(rng, day).filter((time) => time.getTime() <= latestSeedTime);
    for (const time of times) {
      book.use(usageAmount(rng, setup, allocation, day, times.length), time, rng.pick(USAGE_ACTIVITIES));
      const reload = setup.autoReload;
      if (reload.enabled && reload.pack_id && book.total() < reload.threshold) {
        book.topUp('auto_reload', packById(reload.pack_id), addMs(time, 3_000));
      }
    }
    const topUpTime = addMs(day, 18 * HOUR_MS + rng.int(0, 90) * MINUTE_MS);
    if (topUpTime.getTime() <= latestSeedTime) maybeBuyTopUp(rng, setup, book, allocation, topUpTime);
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
