/**
 * A client's runway forecast from the cache: the per-day usage sums of the last
 * weeks (never the raw log), the balance as the billing service last gave it,
 * and the packs on sale.
 */
import type { Client, Pack } from '../../../shared/api/billing-api';
import { addCalendarDays } from '../../../shared/domain/forecast/calendar-day';
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
  const used = new Map(daily.days(clientId, first).map((day) => [day.day, day.used]));
  const history: DailyUsage[] = [];
  for (let date = first; date < today; date = addCalendarDays(date, 1)) {
    history.push({ date, tokens: Math.max(0, used.get(date) ?? 0) });
  }
  // A client whose log starts inside the window has no usage before it, not zero usage: leave those days out.
  const firstActive = daily.firstDay(clientId) ?? today;
  return history.filter((day) => day.date >= firstActive);
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
