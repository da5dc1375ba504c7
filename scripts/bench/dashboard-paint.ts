/**
 * The Dashboard's first paint for the renderer bench: a cache of 500 clients with 2,000,000 entries (the
 * insights bench's), the web host offline on it, and Chromium going from the Clients page to the Dashboard
 * until its first attention row is painted. BENCH_INSIGHT_CLIENTS / BENCH_INSIGHT_ENTRIES scale it down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchWebHost } from '../../test/e2e/support/web-host-process';
import { benchOfflineEnv } from './build-bench-cache';
import { buildInsightCache } from './build-insight-cache';
import { allowCompiledFunctions, timeRouteToPaint } from './renderer-measures';

const FIRST_ATTENTION_ROW = '[aria-label="Needs attention"] li';

export interface DashboardPaint {
  clients: number;
  entries: number;
  samplesMs: number[];
}

export async function measureDashboardPaint(browser: Browser, runs: number): Promise<DashboardPaint> {
  const clients = Number(process.env.BENCH_INSIGHT_CLIENTS ?? 500);
  const entries = Number(process.env.BENCH_INSIGHT_ENTRIES ?? 2_000_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'abc-dashboard-paint-'));
  let stopHost: (() => Promise<void>) | null = null;
  try {
    console.error(`building a cache of ${clients} clients, ${entries.toLocaleString('en-US')} entries…`);
    // The web host answers at the real time, so the year ends now: every client has a current cycle.
    const cache = buildInsightCache(dataDir, { clients, entries, yearEndsAt: new Date() });
    const host = await launchWebHost({ dataDir, env: benchOfflineEnv(dataDir) });
    stopHost = host.stop;
    const samplesMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh context each run: nothing of the Dashboard is cached in the page yet.
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      try {
        await allowCompiledFunctions(context);
        const page = await context.newPage();
        await page.goto(await host.signInUrl());
        await page.goto(`${host.origin}/#/clients`);
        await page.getByRole('table', { name: 'Clients' }).getByRole('row').nth(1).waitFor();
        samplesMs.push(await timeRouteToPaint(page, '#/dashboard', FIRST_ATTENTION_ROW));
        console.error(`dashboard run ${run + 1}/${runs}: ${Math.round(samplesMs.at(-1) ?? 0)} ms`);
      } finally {
        await context.close();
      }
    }
    return { clients, entries: cache.entries, samplesMs };
  } finally {
    await stopHost?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
