/**
 * The answers no billing console gives, worked out from the cache so they work
 * offline: one client's forecast and plan advice, and the dashboard over all.
 */
import { advisePlan } from '../../../shared/domain/forecast/plan-advice';
import { addCalendarDays } from '../../../shared/domain/forecast/calendar-day';
import type { ClientInsights, DashboardModel, PlanAdviceModel } from '../../../shared/ipc/insight-models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import type { Client } from '../../../shared/api/billing-api';
import type { Repositories } from '../db/repositories';
import { attentionRows, rankAttention } from './attention';
import { calendarDay, clientForecast } from './client-forecast';
import { clientHistory } from './client-history';
import type { ForecastMemo } from './forecast-memo';
import { completedCycles } from './past-cycles';

export interface InsightSources {
  repos: Repositories;
  now(): Date;
  /** Purchases of this workspace not settled yet, from the journal. */
  openPurchases(): Purchase[];
  lastSyncedAt(): string | null;
  /** Kept between dashboard views: only clients whose inputs changed are forecast again. */
  forecasts: ForecastMemo;
}

function planAdviceFor(repos: Repositories, client: Client): PlanAdviceModel {
  const cycles = completedCycles(repos, client);
  const advice = advisePlan({
    cycles,
    tiers: repos.plans.list().map((plan) => ({
      name: plan.name,
      price: plan.price,
      tokensPerCycle: plan.tokens_per_cycle,
    })),
    currentPlan: client.plan.name,
    packs: repos.packs.list(),
  });
  return {
    kind: advice.kind,
    tier: 'tier' in advice ? advice.tier : null,
    savingPerCycle: 'savingPerCycle' in advice ? advice.savingPerCycle : null,
    evidence: advice.evidence,
    cyclesConsidered: Math.min(cycles.length, 3),
  };
}

export function clientInsights(sources: InsightSources, clientId: string): ClientInsights | null {
  const { repos } = sources;
  return repos.readTogether(() => {
    const client = repos.clients.get(clientId);
    if (!client) return null;
    return {
      clientId,
      forecast: clientForecast(repos.dailyLedger, client, repos.packs.list(), calendarDay(sources.now())),
      planAdvice: planAdviceFor(repos, client),
    };
  });
}

export function historyOf(sources: InsightSources, clientId: string, days: number) {
  const { repos } = sources;
  return repos.readTogether(() => clientHistory(repos, clientId, calendarDay(sources.now()), days));
}

function monthTotals(
  repos: Repositories,
  today: string,
  clients: readonly Client[],
): DashboardModel['month'] {
  const month = today.slice(0, 7);
  const first = `${month}-01`;
  const next = `${addCalendarDays(first, 31).slice(0, 7)}-01`;
  const spend = repos.invoices.spendBetween(`${first}T00:00:00.000Z`, `${next}T00:00:00.000Z`);
  const weekOut = addCalendarDays(today, 7);
  return {
    month,
    topUpSpend: spend.find((row) => row.topUp)?.money ?? null,
    planSpend: spend.find((row) => !row.topUp)?.money ?? null,
    tokensBought: repos.dailyLedger.boughtBetween(first, next),
    renewalsNext7Days: clients.filter((c) => c.renewal_date >= today && c.renewal_date <= weekOut).length,
  };
}

export function dashboard(sources: InsightSources): DashboardModel {
  // A few statements per client: one read transaction makes them one consistent, much cheaper read.
  return sources.repos.readTogether(() => dashboardNow(sources));
}

function dashboardNow(sources: InsightSources): DashboardModel {
  const { repos } = sources;
  const today = calendarDay(sources.now());
  const clients = repos.clients.all();
  const packs = repos.packs.list();
  const open = new Map(sources.openPurchases().map((purchase) => [purchase.clientId, purchase]));
  const cardDeclined = Boolean(repos.account.get()?.card_declined);
  const forecasts = sources.forecasts.forecastAll(repos, clients, packs, today);
  const ranked = forecasts.flatMap(({ client, forecast }) =>
    attentionRows(
      {
        client,
        forecast,
        openPurchase: open.get(client.id) ?? null,
        // Only a monthly limit makes the count matter, so the other clients skip the query.
        autoReloadsThisCycle:
          client.auto_reload.enabled && client.auto_reload.monthly_limit != null
            ? repos.ledger.autoReloadsSince(client.id, `${client.cycle_start}T00:00:00.000Z`)
            : 0,
      },
      { cardDeclined, packs },
    ),
  );
  const attention = rankAttention(ranked);
  const needing = new Set(attention.map((row) => row.clientId));
  return {
    today,
    attention,
    clientCount: clients.length,
    fineCount: clients.length - needing.size,
    month: monthTotals(repos, today, clients),
    lastSyncedAt: sources.lastSyncedAt(),
  };
}
