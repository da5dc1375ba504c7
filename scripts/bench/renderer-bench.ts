/**
 * The renderer benchmark: a million-entry client in a cache built through the
 * sync's apply path, the web host started offline on it, and Chromium opening
 * its Credits tab. Measures time to the first painted rows, frame times while
 * scrolling 20,000 rows, and the JS heap and the web host's memory afterwards; prints a table and writes
 * bench-results/renderer.json and summary.json. BENCH_ENTRIES and BENCH_RUNS scale it down.
 * Needs a built renderer (`npm run build`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { assertRendererBuilt, launchWebHost } from '../../test/e2e/support/web-host-process';
import { benchOfflineEnv, buildBenchCache } from './build-bench-cache';
import { measureClientListPaint } from './client-list-paint';
import { measureDashboardPaint, type DashboardPaint } from './dashboard-paint';
import { RENDERER_REPORT_FILE, type RendererReport, writeReport } from './bench-reports';
import { writeSummary } from './bench-summary';
import { printTables, rendererTable, summaryTable } from './bench-tables';
import { measureInitialJs } from './initial-js';
import { installScrollBaseline } from './scroll-baseline';
import {
  allowCompiledFunctions,
  firstRowsOnLoad,
  jsHeapMb,
  processRssMb,
  recordFirstRowsOnLoad,
  scriptedScroll,
  timeTabToFirstRows,
} from './renderer-measures';
import { median, percentile } from './stats';

const entries = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const SCROLL_ROWS = 20_000;
/** About a fast fling: 20,000 rows in roughly eight seconds at 60 frames a second. */
const ROWS_PER_FRAME = 40;
const SCROLL_TIMEOUT_MS = 120_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
/** rAF deltas jitter around 16.7 ms at 60 Hz; one this long means a frame was skipped. */
const MISSED_FRAME_MS = 25;
const TARGETS = {
  firstRowsMs: 500,
  coldFirstRowsMs: 400,
  rssMb: 300,
  heapMb: 150,
  dashboardPaintMs: 300,
  initialJsKb: 250,
  clientListMs: 300,
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

interface RunResult {
  tabToFirstRowsMs: number;
  coldLoadToFirstRowsMs: number;
  frameMs: number[];
  /** The same fling over the baseline table (scroll-baseline.ts), in the same page. */
  baselineFrameMs: number[];
  scrollDurationMs: number;
  reachedRow: number;
  heapUsedMb: number;
  heapAfterGcMb: number;
}

async function measureOnce(
  browser: Browser,
  origin: string,
  signInUrl: string,
  clientId: string,
): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' });
  try {
    await allowCompiledFunctions(context);
    const page = await context.newPage();
    await page.goto(signInUrl);
    const settings = `${origin}/#/clients/${encodeURIComponent(clientId)}/settings`;
    const creditsHash = `#/clients/${encodeURIComponent(clientId)}/credits`;

    // Opening the tab in a loaded app: the client page is up, the credit log has never been fetched.
    await page.goto(settings);
    await page.getByRole('heading', { name: 'Balance' }).waitFor();
    const tabToFirstRowsMs = await timeTabToFirstRows(page, creditsHash);

    // A cold start straight onto the tab: page load, app start-up and the first ledger page.
    await recordFirstRowsOnLoad(page);
    await page.goto(`${origin}/${creditsHash}`);
    await page.reload();
    const coldLoadToFirstRowsMs = await firstRowsOnLoad(page);

    const table = page.getByRole('table', { name: 'Credit log' });
    await table.getByRole('row').nth(1).waitFor();
    const scroll = await scriptedScroll(page, SCROLL_ROWS, ROWS_PER_FRAME, SCROLL_TIMEOUT_MS);
    const reachedIndex = String(scroll.reachedRow + 2);
    await table.locator(`[role="row"][aria-rowindex="${reachedIndex}"]`).waitFor();
    const cdp = await context.newCDPSession(page);
    const heap = await jsHeapMb(cdp);

    // The baseline last, as it takes the page over: the log reloaded at the top, then swapped for plain rows.
    await page.reload();
    await table.getByRole('row').nth(1).waitFor();
    await installScrollBaseline(page);
    const baseline = await scriptedScroll(page, SCROLL_ROWS, ROWS_PER_FRAME, SCROLL_TIMEOUT_MS);
    return {
      tabToFirstRowsMs,
      coldLoadToFirstRowsMs,
      frameMs: scroll.frameMs,
      baselineFrameMs: baseline.frameMs,
      scrollDurationMs: scroll.durationMs,
      reachedRow: scroll.reachedRow,
      heapUsedMb: heap.used,
      heapAfterGcMb: heap.afterGc,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  assertRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'abc-renderer-bench-'));
  let stopHost: (() => Promise<void>) | null = null;
  let browser: Browser | null = null;
  try {
    console.error(`building a cache with a ${entries.toLocaleString('en-US')}-entry client…`);
    const { clientId } = buildBenchCache(dataDir, { clientEntries: entries });
    const host = await launchWebHost({ dataDir, env: benchOfflineEnv(dataDir) });
    stopHost = host.stop;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const results: RunResult[] = [];
    for (let run = 0; run < runs; run++) {
      results.push(await measureOnce(browser, host.origin, await host.signInUrl(), clientId));
      const last = results.at(-1)!;
      console.error(
        `run ${run + 1}/${runs}: tab ${round(last.tabToFirstRowsMs)} ms, cold ${round(last.coldLoadToFirstRowsMs)} ms, ` +
          `median frame ${round(median(last.frameMs), 2)} ms, heap ${round(last.heapUsedMb)} MB`,
      );
    }
    const webHostRssMb = processRssMb(host.child.pid);
    await stopHost();
    stopHost = null;
    const dashboard = await measureDashboardPaint(browser, runs);
    const clientList = await measureClientListPaint(browser, runs);
    const report: RendererReport = {
      ...summarize(results, await browser.version()),
      webHostRssMb,
      dashboard: dashboardSummary(dashboard),
      clientList: { clients: clientList.clients, coldLoadMedianMs: round(median(clientList.samplesMs)) },
      initialJs: measureInitialJs(),
    };
    writeReport(RENDERER_REPORT_FILE, report);
    printTables(rendererTable(report), summaryTable(writeSummary()));
  } finally {
    await browser?.close();
    await stopHost?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const missedShare = (frames: readonly number[]) =>
  round((frames.filter((ms) => ms > MISSED_FRAME_MS).length / Math.max(1, frames.length)) * 100);

function summarize(results: RunResult[], chromiumVersion: string) {
  const frames = results.flatMap((result) => result.frameMs);
  const baselineFrames = results.flatMap((result) => result.baselineFrameMs);
  const pick = (key: 'tabToFirstRowsMs' | 'coldLoadToFirstRowsMs' | 'heapUsedMb' | 'heapAfterGcMb') =>
    round(median(results.map((result) => result[key])));
  return {
    when: new Date().toISOString(),
    node: process.version,
    chromium: chromiumVersion,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    entries,
    runs,
    targets: TARGETS,
    firstRows: {
      tabSwitchMedianMs: pick('tabToFirstRowsMs'),
      coldLoadMedianMs: pick('coldLoadToFirstRowsMs'),
    },
    scroll: {
      rows: SCROLL_ROWS,
      rowsPerFrame: ROWS_PER_FRAME,
      reachedRowMin: Math.min(...results.map((result) => result.reachedRow)),
      durationMedianMs: round(median(results.map((result) => result.scrollDurationMs))),
      frames: frames.length,
      medianFrameMs: round(median(frames), 2),
      p95FrameMs: round(percentile(frames, 95), 2),
      maxFrameMs: round(Math.max(...frames), 2),
      framesOver25ms: frames.filter((ms) => ms > MISSED_FRAME_MS).length,
      missedVsyncPct: missedShare(frames),
      baselineMissedVsyncPct: missedShare(baselineFrames),
      baselineP95FrameMs: round(percentile(baselineFrames, 95), 2),
    },
    heap: { usedMedianMb: pick('heapUsedMb'), afterGcMedianMb: pick('heapAfterGcMb') },
  };
}

function dashboardSummary(paint: DashboardPaint) {
  return {
    clients: paint.clients,
    entries: paint.entries,
    firstPaintMedianMs: round(median(paint.samplesMs)),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
