/**
 * The charts' data for one client: a dense day-by-day series from the per-day sums (a few hundred rows even
 * for a client with a million entries), the renewals in the period, and the forecast's continuation.
 */
import { addCalendarDays, consecutiveDays } from '../../../shared/domain/forecast/calendar-day';
import { daysBetween } from '../../../shared/domain/format';
import type { ClientHistoryModel } from '../../../shared/ipc/insight-models';
import type { Repositories } from '../db/repositories';
import { clientForecast } from './client-forecast';

export function clientHistory(
  repos: Repositories,
  clientId: string,
  today: string,
  days: number,
): ClientHistoryModel | null {
  const client = repos.clients.get(clientId);
  if (!client) return null;
  const first = addCalendarDays(today, -(days - 1));
  const firstActive = repos.dailyLedger.firstDay(clientId);
  const from = firstActive !== null && firstActive > first ? firstActive : first;
  // The running balances start from the client's first day, so the one before `from` is the opening balance.
  const balances = repos.dailyLedger.balances(clientId, '0000-01-01');
  const used = new Map(repos.dailyLedger.usedSince(clientId, from).map((day) => [day.day, day.used]));
  const byDay = new Map(balances.map((balance) => [balance.day, balance]));
  let carried = balances.filter((balance) => balance.day < from).at(-1) ?? { plan: 0, topUp: 0 };
  const series: ClientHistoryModel['days'] = consecutiveDays(from, daysBetween(from, today) + 1).map(
    (day) => {
      carried = byDay.get(day) ?? carried;
      return {
        day,
        plan: Math.max(0, carried.plan),
        topUp: Math.max(0, carried.topUp),
        used: Math.max(0, used.get(day) ?? 0),
      };
    },
  );
  const forecast = clientForecast(repos.dailyLedger, client, repos.packs.list(), today);
  return {
    clientId,
    today,
    days: series,
    renewals: repos.dailyLedger.grantDays(clientId).filter((day) => day >= from && day <= today),
    projection: forecast.projection,
  };
}
