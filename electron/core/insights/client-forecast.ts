/**
 * A client's runway forecast from the cache: the per-day usage sums of the last
 * weeks (never the raw log), the balance as the billing service last gave it,
 * and the packs on sale.
 */
import type { Client, Pack } from '../../../shared/api/billing-api';
import { addCalendarDays, consecutiveDays } from '../../../shared/domain/forecast/calendar-day';
import { daysBetween } from '../../../shared/domain/format';
import { forecastRunway } from '../../../shared/domain/forecast/runway';
import {
  estimateUsageRate,
  MAX_HISTORY_DAYS,
  type DailyUsage,
} from '../../../shared/domain/forecast/usage-rate';
import type { RunwayForecastModel } from '../../../shared/ipc/insight-models';
import type { DailyLedgerRepo } from '../db/repositories/daily-ledger-repo';
import { toPackModel } from '../services/model-mappers';

/** Calendar date (UTC) of an instant: the days of the credit log are UTC days too. */
export function calendarDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Every complete day of the last weeks, oldest first, with 0 for a day without usage. */
export function usageHistory(daily: DailyLedgerRepo, clientId: string, today: string): DailyUsage[] {
  const first = addCalendarDays(today, -MAX_HISTORY_DAYS);
  const days = daily.usedSince(clientId, first);
  // A client whose log starts inside the window has no usage before it, not zero usage: leave those days out.
  // A row on the window's first day already says the log began no later; only otherwise is the start looked up.
  const firstActive = days[0]?.day === first ? first : (daily.firstDay(clientId) ?? today);
  const from = firstActive > first ? firstActive : first;
  let next = 0;
  // A day without entries after one that ended with nothing left was spent at zero, not idle.
  let outOfTokens = false;
  // The rows are in day order, so one walk alongside the calendar finds each day's row.
  return consecutiveDays(from, daysBetween(from, today)).map((date) => {
    while ((days[next]?.day ?? date) < date) next += 1;
    const row = days[next];
    if (row?.day !== date) return { date, tokens: 0, starved: outOfTokens };
    outOfTokens = row.endedEmpty;
    return { date, tokens: Math.max(0, row.used), starved: row.endedEmpty || row.refused };
  });
}

export function clientForecast(
  daily: DailyLedgerRepo,
  client: Client,
  packs: readonly Pack[],
  today: string,
): RunwayForecastModel {
  const usage = estimateUsageRate(usageHistory(daily, client.id, today));
  const forecast = forecastRunway({
    today,
    balance: { plan: client.balance.plan, topUp: client.balance.top_up },
    renewalDate: client.renewal_date,
    allocation: client.plan.tokens_per_cycle,
    packs,
    usage,
  });
  return {
    today,
    renewalDate: client.renewal_date,
    basis: usage.basis,
    dailyUsage: { low: usage.low, expected: usage.expected, high: usage.high },
    zeroDate: forecast.zeroDate,
    lastsPastRenewal: forecast.lastsPastRenewal,
    tokensNeeded: forecast.tokensNeeded,
    recommendedPack: forecast.recommendedPack
      ? { pack: toPackModel(forecast.recommendedPack.pack), coversNeed: forecast.recommendedPack.coversNeed }
      : null,
    planTokensExpiring: forecast.planTokensExpiring,
    expiringShareOfAllocation: forecast.expiringShareOfAllocation,
    projection: forecast.projection.map(({ date, plan, topUp }) => ({ date, plan, topUp })),
  };
}
