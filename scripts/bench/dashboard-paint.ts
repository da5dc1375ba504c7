/**
 * The Dashboard's first paint for the renderer bench: a cache of 500 clients with 2,000,000 entries (the
 * insights bench's), the web host offline on it, and Chromium going from the Clients page to the Dashboard
 * until its first attention row is painted. BENCH_INSIGHT_CLIENTS / BENCH_INSIGHT_ENTRIES scale it down.
 */
import type { Browser } from '@playwright/test';
import { buildInsightCache } from './build-insight-cache';
import { timeOfflinePageRuns } from './offline-page-runs';
import { timeRouteToPaint } from './renderer-measures';

const FIRST_ATTENTION_ROW = '[aria-label="Needs attention"] li';

export interface DashboardPaint {
  clients: number;
  entries: number;
  samplesMs: number[];
}

export async function measureDashboardPaint(browser: Browser, runs: number): Promise<DashboardPaint> {
  const clients = Number(process.env.BENCH_INSIGHT_CLIENTS ?? 500);
  const entries = Number(process.env.BENCH_INSIGHT_ENTRIES ?? 2_000_000);
  let stored = 0;
  const samplesMs = await timeOfflinePageRuns({
    browser,
    runs,
    label: 'dashboard',
    buildCache: (dataDir) => {
      console.error(`building a cache of ${clients} clients, ${entries.toLocaleString('en-US')} entries…`);
      // The web host answers at the real time, so the year ends now: every client has a current cycle.
      stored = buildInsightCache(dataDir, { clients, entries, yearEndsAt: new Date() }).entries;
    },
    measure: async (page, host) => {
      await page.goto(`${host.origin}/#/clients`);
      await page.getByRole('table', { name: 'Clients' }).getByRole('row').nth(1).waitFor();
      return timeRouteToPaint(page, '#/dashboard', FIRST_ATTENTION_ROW);
    },
  });
  return { clients, entries: stored, samplesMs };
}
