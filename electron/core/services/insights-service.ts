import type { Handlers } from '../../../shared/ipc/contract';
import { clientInsights, dashboard, historyOf, type InsightSources } from '../insights/client-insights';
import { createForecastMemo } from '../insights/forecast-memo';
import type { ServiceContext } from './service-context';

export function insightsHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'insights.client' | 'insights.history' | 'dashboard.get'> {
  const sources: InsightSources = {
    repos: ctx.repos,
    now: ctx.now,
    openPurchases: () => ctx.purchases.unfinished(),
    lastSyncedAt: () => ctx.sync.status().lastSyncedAt,
    forecasts: createForecastMemo(),
  };
  return {
    'insights.client': async ({ clientId }) => clientInsights(sources, clientId),
    'insights.history': async ({ clientId, days }) => historyOf(sources, clientId, days),
    'dashboard.get': async () => dashboard(sources),
  };
}
