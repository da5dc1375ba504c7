/** The bench's tables in Markdown: printed by each part as it finishes, and the README's performance section. */
import type { CoreSection, InsightSection, RendererReport, SyncEndToEnd } from './bench-reports';
import { DEFAULT_PAGE_SIZES } from '../../electron/core/sync/sync-engine';
import { isMet, SUMMARY_KEYS, SUMMARY_TARGETS, type BenchSummary } from './bench-summary';

const n = (value: number) => value.toLocaleString('en-US');
const metWord = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**missed**');

export function summaryTable(summary: BenchSummary): string[] {
  const lines = ['| Figure (`summary.json` key) | result | target | |', '| --- | ---: | --- | --- |'];
  for (const key of SUMMARY_KEYS) {
    const value = summary[key];
    if (value === undefined) continue;
    const target = SUMMARY_TARGETS[key];
    const limit =
      target.limit === null ? '—' : `${target.atLeast ? '≥' : '≤'} ${n(target.limit)} ${target.unit}`;
    lines.push(
      `| ${target.label} (\`${key}\`) | ${n(value)} ${target.unit} | ${limit} | ${metWord(isMet(key, value))} |`,
    );
  }
  return lines;
}

export function ingestTable(core: CoreSection): string[] {
  const { ingest } = core;
  return [
    `| Ingest, ${n(core.entries)} entries (median of ${core.runs} runs) | entries/s |`,
    '| --- | ---: |',
    `| sync apply path: ${n(DEFAULT_PAGE_SIZES.ledger)}-entry pages, each with its cursor, search index and token buckets in one transaction | ${n(ingest.applyPathEntriesPerSecond)} |`,
    `| raw limit: one prepared insert of the same rows in one transaction, same tables, indexes and search index | ${n(ingest.rawWithSearchIndexEntriesPerSecond)} |`,
    `| raw, tables and indexes only (no search index) | ${n(ingest.rawTableOnlyEntriesPerSecond)} |`,
    `| **ratio, apply / raw** (target ≥ 0.85) | **${ingest.ratio}** |`,
  ];
}

export function queryTable(core: CoreSection): string[] {
  return [
    `| Query on the ${n(core.entries)}-entry client (100 rows) | rows | p50 ms | p95 ms |`,
    '| --- | ---: | ---: | ---: |',
    ...core.queries.map((q) => `| ${q.name} | ${n(q.rows)} | ${q.p50Ms} | ${q.p95Ms} |`),
  ];
}

export function syncTable(sync: SyncEndToEnd): string[] {
  return [
    `| First sync over loopback HTTP, ${n(sync.clients)} clients, ${n(sync.entries)} entries | seconds |`,
    '| --- | ---: |',
    `| the app's sync into an empty cache | ${sync.syncSeconds} |`,
    `| a bare loop fetching and parsing the same pages | ${sync.bareSeconds} |`,
    `| **ratio, bare / sync** (target ≥ 0.7) | **${sync.ratio}** |`,
    `| resident memory after the sync | ${n(sync.rssMb)} MB |`,
  ];
}

export function rendererTable(report: RendererReport): string[] {
  const { firstRows, scroll, heap, targets, dashboard, clientList, initialJs } = report;
  return [
    `| Renderer: Chromium through the web host, offline, ${n(report.entries)} entries, median of ${report.runs} runs | result | target |`,
    '| --- | ---: | --- |',
    `| Credits tab: open the tab → first rows painted | ${n(firstRows.tabSwitchMedianMs)} ms | ≤ ${targets.firstRowsMs} ms |`,
    `| Credits tab: cold page load → first rows painted | ${n(firstRows.coldLoadMedianMs)} ms | ≤ ${targets.coldFirstRowsMs} ms |`,
    `| Credits tab: scroll ${n(scroll.rows)} rows, frames over 25 ms (median frame, p95, max) | ` +
      `${scroll.framesOver25ms} of ${n(scroll.frames)}: ${scroll.missedVsyncPct} % (${scroll.medianFrameMs}, ${scroll.p95FrameMs}, ${scroll.maxFrameMs} ms) | ≤ 2 % and ≤ 1.5 × baseline |`,
    `| baseline: the same markup and styles, every row in memory as HTML, drawn by plain JS (p95) | ${scroll.baselineMissedVsyncPct} % (${scroll.baselineP95FrameMs} ms) | — |`,
    `| JS heap after scrolling (after GC) | ${heap.usedMedianMb} MB (${heap.afterGcMedianMb}) | ≤ ${targets.heapMb} MB |`,
    `| web host resident memory after the scrolls | ${n(report.webHostRssMb)} MB | ≤ ${targets.rssMb} MB |`,
    `| Dashboard, ${n(dashboard.clients)} clients / ${n(dashboard.entries)} entries: Clients → Dashboard, first attention row painted | ${n(dashboard.firstPaintMedianMs)} ms | ≤ ${targets.dashboardPaintMs} ms |`,
    `| Clients page, ${n(clientList.clients)} clients: cold page load → first row painted | ${n(clientList.coldLoadMedianMs)} ms | ≤ ${targets.clientListMs} ms |`,
    `| JavaScript loaded at start-up (${initialJs.files.length} files, minified; gzip) | ${initialJs.minifiedKb} kB (${initialJs.gzipKb} kB) | ≤ ${targets.initialJsKb} kB |`,
  ];
}

export function insightsTable(section: InsightSection): string[] {
  return [
    `| ${section.title} | runs | p50 ms | p95 ms | target | |`,
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...section.figures.map(
      (f) =>
        `| ${f.name} | ${f.runs} | ${f.p50Ms} | ${f.p95Ms} | p95 ≤ ${f.targetP95Ms} ms | ${metWord(f.met)} |`,
    ),
  ];
}

export function printTables(...tables: string[][]): void {
  for (const table of tables) console.log(['', ...table].join('\n'));
}
