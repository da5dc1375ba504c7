/**
 * `npm run bench` (first part): builds its own data in temp dirs, measures ingest, queries, a first sync over
 * loopback HTTP and the insights, prints tables and writes bench-results/bench.json and summary.json.
 * BENCH_ENTRIES (default 1,000,000) and BENCH_RUNS (default 3) scale it down; the insights and the sync have
 * their own (insights-bench.ts, sync-e2e-bench.ts). BENCH_ONLY=insights skips everything else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORE_REPORT_FILE, type CoreReport, type CoreSection, writeReport } from './bench-reports';
import { writeSummary } from './bench-summary';
import { ingestTable, insightsTable, printTables, queryTable, summaryTable, syncTable } from './bench-tables';
import { buildBenchCache } from './build-bench-cache';
import { ingestOnce, type IngestMode } from './ingest-bench';
import { runInsightsSection } from './insights-bench';
import { benchQueries, TYPING_CASE_PREFIX } from './query-bench';
import { median, percentile } from './stats';
import { benchSyncEndToEnd } from './sync-e2e-bench';

const entries = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const core = process.env.BENCH_ONLY === 'insights' ? null : await coreSection();
  const insights = await runInsightsSection(process.env);
  const report: CoreReport = {
    when: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    core,
    insights,
  };
  writeReport(CORE_REPORT_FILE, report);
  console.log(`Node ${report.node}, ${report.cores} cores`);
  if (core) printTables(ingestTable(core), queryTable(core), syncTable(core.syncEndToEnd));
  printTables(insightsTable(insights), summaryTable(writeSummary()));
}

async function coreSection(): Promise<CoreSection> {
  // First, so the resident memory it reports is the sync's and not the million-entry caches' below.
  const syncEndToEnd = await benchSyncEndToEnd();
  const ingest: Record<IngestMode, number[]> = { apply: [], raw: [], 'raw+fts': [] };
  for (let run = 0; run < runs; run++) {
    for (const mode of Object.keys(ingest) as IngestMode[]) {
      ingest[mode].push(ingestOnce(mode, entries));
      console.error(
        `ingest run ${run + 1}/${runs} ${mode}: ${Math.round(ingest[mode].at(-1) ?? 0)} entries/s`,
      );
    }
  }
  const apply = median(ingest.apply);
  const raw = median(ingest.raw);
  const rawFts = median(ingest['raw+fts']);

  const dir = mkdtempSync(join(tmpdir(), 'abc-bench-cache-'));
  try {
    buildBenchCache(dir, { clientEntries: entries });
    const queries = await benchQueries(dir);
    const typing = queries.filter((q) => q.name.startsWith(TYPING_CASE_PREFIX)).flatMap((q) => q.samples);
    return {
      entries,
      runs,
      ingest: {
        applyPathEntriesPerSecond: Math.round(apply),
        rawWithSearchIndexEntriesPerSecond: Math.round(rawFts),
        rawTableOnlyEntriesPerSecond: Math.round(raw),
        ratio: round(apply / rawFts),
        ratioToTableOnly: round(apply / raw),
      },
      queries: queries.map((q) => ({
        name: q.name,
        rows: q.rows,
        p50Ms: round(median(q.samples)),
        p95Ms: round(percentile(q.samples, 95)),
      })),
      ftsPrefixTypingP95Ms: round(percentile(typing, 95)),
      syncEndToEnd,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
