/**
 * What the renderer bench's page timings share: a cache built in a temp dir, the web host offline on it, and a
 * fresh signed-in browser context for each run, so nothing of an earlier run is cached in the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchWebHost, type WebHostProcess } from '../../test/e2e/support/web-host-process';
import { benchOfflineEnv } from './build-bench-cache';
import { allowCompiledFunctions } from './renderer-measures';

export async function timeOfflinePageRuns(options: {
  browser: Browser;
  runs: number;
  label: string;
  buildCache(dataDir: string): void;
  /** One run on a signed-in page of the host; returns the milliseconds it measured. */
  measure(page: Page, host: WebHostProcess): Promise<number>;
}): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'abc-bench-page-'));
  let stopHost: (() => Promise<void>) | null = null;
  try {
    options.buildCache(dataDir);
    const host = await launchWebHost({ dataDir, env: benchOfflineEnv(dataDir) });
    stopHost = host.stop;
    const samplesMs: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const context = await options.browser.newContext({ viewport: { width: 1360, height: 900 } });
      try {
        await allowCompiledFunctions(context);
        const page = await context.newPage();
        await page.goto(await host.signInUrl());
        samplesMs.push(await options.measure(page, host));
        console.error(
          `${options.label} run ${run + 1}/${options.runs}: ${Math.round(samplesMs.at(-1) ?? 0)} ms`,
        );
      } finally {
        await context.close();
      }
    }
    return samplesMs;
  } finally {
    await stopHost?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
