/**
 * A cold start onto the Clients page with thousands of clients, for the renderer bench: page load, app start-up
 * and the list until its first row is painted. BENCH_LIST_CLIENTS (default 5,000) sets how many.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { BENCH_RESULTS_DIR } from './bench-reports';
import { buildBenchCache } from './build-bench-cache';
import { timeOfflinePageRuns } from './offline-page-runs';
import { firstRowsOnLoad, recordFirstRowsOnLoad } from './renderer-measures';

const FIRST_CLIENT_ROW = 'table[aria-label="Clients"] tbody tr';
const FAILURE_SCREENSHOT = join(BENCH_RESULTS_DIR, 'client-list-no-rows.png');
/** The list reads clients, not their logs, so one client has a short log and the others none. */
const LOG_ENTRIES = 100;

export interface ClientListPaint {
  clients: number;
  samplesMs: number[];
}

export async function measureClientListPaint(browser: Browser, runs: number): Promise<ClientListPaint> {
  const clients = Number(process.env.BENCH_LIST_CLIENTS ?? 5_000);
  const samplesMs = await timeOfflinePageRuns({
    browser,
    runs,
    label: 'client list',
    buildCache: (dataDir) => {
      console.error(`building a cache of ${clients.toLocaleString('en-US')} clients…`);
      buildBenchCache(dataDir, { clientEntries: LOG_ENTRIES, otherClients: clients - 1 });
    },
    measure: async (page, host) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`),
      );
      await recordFirstRowsOnLoad(page, FIRST_CLIENT_ROW);
      await page.goto(`${host.origin}/#/clients`);
      await page.reload();
      try {
        return await firstRowsOnLoad(page);
      } catch (error) {
        // What the page showed instead of rows, for whoever looks into it.
        await page.screenshot({ path: FAILURE_SCREENSHOT });
        const shown = (await page.locator('body').innerText()).slice(0, 400);
        throw new Error(
          `No client row was painted (screenshot: ${FAILURE_SCREENSHOT}). The page showed: ${shown}\n` +
            problems.join('\n'),
          { cause: error },
        );
      }
    },
  });
  return { clients, samplesMs };
}
