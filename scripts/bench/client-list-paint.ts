/**
 * A cold start onto the Clients page with thousands of clients, for the renderer bench: page load, app start-up
 * and the list until its first row is painted. BENCH_LIST_CLIENTS (default 5,000) sets how many.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchWebHost } from '../../test/e2e/support/web-host-process';
import { benchOfflineEnv, buildBenchCache } from './build-bench-cache';
import { allowCompiledFunctions, firstRowsOnLoad, recordFirstRowsOnLoad } from './renderer-measures';

const FIRST_CLIENT_ROW = 'table[aria-label="Clients"] tbody tr';
/** The list reads clients, not their logs, so one client has a short log and the others none. */
const LOG_ENTRIES = 100;

export interface ClientListPaint {
  clients: number;
  samplesMs: number[];
}

export async function measureClientListPaint(browser: Browser, runs: number): Promise<ClientListPaint> {
  const clients = Number(process.env.BENCH_LIST_CLIENTS ?? 5_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'abc-client-list-paint-'));
  let stopHost: (() => Promise<void>) | null = null;
  try {
    console.error(`building a cache of ${clients.toLocaleString('en-US')} clients…`);
    buildBenchCache(dataDir, { clientEntries: LOG_ENTRIES, otherClients: clients - 1 });
    const host = await launchWebHost({ dataDir, env: benchOfflineEnv(dataDir) });
    stopHost = host.stop;
    const samplesMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      try {
        await allowCompiledFunctions(context);
        const page = await context.newPage();
        await page.goto(await host.signInUrl());
        await recordFirstRowsOnLoad(page, FIRST_CLIENT_ROW);
        await page.goto(`${host.origin}/#/clients`);
        await page.reload();
        samplesMs.push(await firstRowsOnLoad(page));
        console.error(`client list run ${run + 1}/${runs}: ${Math.round(samplesMs.at(-1) ?? 0)} ms`);
      } finally {
        await context.close();
      }
    }
    return { clients, samplesMs };
  } finally {
    await stopHost?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
