/**
 * The dashboard, one client's forecast and plan advice, and a year of chart data, timed through the same
 * channel handlers the app runs (insights-service.ts) on a cache of hundreds of clients with a year of
 * credit log each. "Now" is the end of the generated year, so every forecast has its full history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCache } from '../../electron/core/db/open-cache';
import { createRepositories } from '../../electron/core/db/repositories';
import { toPurchase } from '../../electron/core/purchases/purchase-flow';
import { insightsHandlers } from '../../electron/core/services/insights-service';
import type { ServiceContext } from '../../electron/core/services/service-context';
import { BENCH_OFFLINE_API_URL } from './build-bench-cache';
import { buildInsightCache, INSIGHT_AGENCY_ID } from './build-insight-cache';
import { INSIGHT_NOW } from './insight-ledger';
import type { InsightSection } from './bench-reports';

type InsightFigure = InsightSection['figures'][number];
import { median, percentile, timeEachAsync } from './stats';

const HISTORY_DAYS = 365;
const round = (value: number) => Number(value.toFixed(3));

/**
 * Builds the cache in a temp dir, times the three answers and removes it. BENCH_INSIGHT_CLIENTS (default 500)
 * and BENCH_INSIGHT_ENTRIES (default 2,000,000) scale it down; BENCH_INSIGHT_RUNS sets the runs per figure.
 */
export async function runInsightsSection(env: NodeJS.ProcessEnv): Promise<InsightSection> {
  const clients = Number(env.BENCH_INSIGHT_CLIENTS ?? 500);
  const entries = Number(env.BENCH_INSIGHT_ENTRIES ?? 2_000_000);
  const runs = Number(env.BENCH_INSIGHT_RUNS ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'abc-bench-insights-'));
  try {
    const start = performance.now();
    const cache = buildInsightCache(dir, {
      clients,
      entries,
      onProgress: (done) => {
        if (done % 50 === 0 || done === clients) console.error(`insights cache: ${done}/${clients} clients`);
      },
    });
    const buildSeconds = (performance.now() - start) / 1000;
    // The dashboard reads every client, so it gets fewer runs than the per-client answers.
    const figures = await benchInsights(dir, cache.clientIds, {
      dashboard: Math.max(20, Math.round(runs / 4)),
      perClient: runs,
    });
    return {
      title: `Insights (${clients.toLocaleString('en-US')} clients, ${cache.entries.toLocaleString('en-US')} entries)`,
      clients,
      entries: cache.entries,
      buildSeconds: Math.round(buildSeconds),
      figures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchInsights(
  dataDir: string,
  clientIds: readonly string[],
  runs: { dashboard: number; perClient: number },
): Promise<InsightFigure[]> {
  const { db } = openCache({ dataDir });
  try {
    const repos = createRepositories(db, () => INSIGHT_NOW);
    const workspace = { owner: BENCH_OFFLINE_API_URL, agencyId: INSIGHT_AGENCY_ID };
    // Only what insightsHandlers reads: the journal's open purchases and the time of the last sync.
    const ctx = {
      repos,
      now: () => INSIGHT_NOW,
      purchases: { unfinished: () => repos.purchases.unfinished(workspace).map(toPurchase) },
      sync: { status: () => ({ lastSyncedAt: repos.syncCursors.lastSyncedAt() }) },
    } as unknown as ServiceContext;
    const handlers = insightsHandlers(ctx);
    // A different client each run, so no run is helped by the previous one reading the same pages (a prime
    // step visits them all unless their number is a multiple of it).
    const client = (run: number) => clientIds[(run * 101) % clientIds.length] ?? '';
    const cases = [
      {
        // Fresh handlers each run: no forecast kept from an earlier view, as on the first view after start-up.
        name: `dashboard (${clientIds.length.toLocaleString('en-US')} clients), every forecast computed`,
        target: 50,
        runs: runs.dashboard,
        run: () => insightsHandlers(ctx)['dashboard.get']({}),
      },
      {
        name: 'dashboard again, no credit log or balance changed since',
        target: 50,
        runs: runs.dashboard,
        run: () => handlers['dashboard.get']({}),
      },
      {
        name: "one client's forecast and plan advice",
        target: 10,
        runs: runs.perClient,
        run: (n: number) => handlers['insights.client']({ clientId: client(n) }),
      },
      {
        name: `chart data, ${HISTORY_DAYS}-day history`,
        target: 20,
        runs: runs.perClient,
        run: (n: number) => handlers['insights.history']({ clientId: client(n), days: HISTORY_DAYS }),
      },
    ];
    const figures: InsightFigure[] = [];
    for (const c of cases) {
      const samples = await timeEachAsync(c.runs, c.run);
      const p95Ms = percentile(samples, 95);
      figures.push({
        name: c.name,
        runs: c.runs,
        p50Ms: round(median(samples)),
        p95Ms: round(p95Ms),
        targetP95Ms: c.target,
        met: p95Ms <= c.target,
      });
    }
    return figures;
  } finally {
    db.close();
  }
}
