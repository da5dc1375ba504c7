/**
 * `npm run bench`: builds its own data in temp dirs, measures ingest, query and
 * insights speed, prints tables and writes bench-results/bench.json.
 * BENCH_ENTRIES (default 1,000,000) and BENCH_RUNS (default 3) scale it down; the insights
 * section has its own (see insights-bench.ts). BENCH_ONLY=insights skips ingest and queries.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBenchCache } from './build-bench-cache';
import { ingestOnce, type IngestMode } from './ingest-bench';
import { printInsights, runInsightsSection } from './insights-bench';
import { benchQueries } from './query-bench';
import { median, percentile } from './stats';

const entries = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const core = process.env.BENCH_ONLY === 'insights' ? null : await ingestAndQueries();
  const insights = await runInsightsSection(process.env);
  const results = {
    when: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    ...core,
    insights,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Node ${results.node}, ${results.cores} cores`);
  if (core) printTable(core);
  printInsights(insights);
}

async function ingestAndQueries() {
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
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(results: {
  entries: number;
  runs: number;
  ingest: Record<string, number>;
  queries: { name: string; rows: number; p50Ms: number; p95Ms: number }[];
}): void {
  const { ingest } = results;
  console.log(`${results.entries.toLocaleString('en-US')} entries, median of ${results.runs} runs`);
  console.log('');
  console.log('| Ingest | entries/s |');
  console.log('| --- | ---: |');
  console.log(
    `| sync apply path (500-entry pages, search index, buckets, cursor) | ${ingest.applyPathEntriesPerSecond} |`,
  );
  console.log(
    `| raw limit: one transaction, same tables + search index | ${ingest.rawWithSearchIndexEntriesPerSecond} |`,
  );
  console.log(`| raw, table and indexes only (no search index) | ${ingest.rawTableOnlyEntriesPerSecond} |`);
  console.log(
    `| **ratio** apply / raw (target ≥ 0.7) | **${ingest.ratio}** (${ingest.ratioToTableOnly} vs table only) |`,
  );
  console.log('');
  console.log('| Query (one-million-entry client, 100 rows) | rows | p50 ms | p95 ms |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const q of results.queries) console.log(`| ${q.name} | ${q.rows} | ${q.p50Ms} | ${q.p95Ms} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
