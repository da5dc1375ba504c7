/**
 * What `npm run bench` writes to bench-results/: the core report (bench.json), the renderer's (renderer.json)
 * and the flat summary built from both. The schemas let the summary and the README generator read the files a
 * previous step wrote without trusting their shape.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const BENCH_RESULTS_DIR = 'bench-results';
export const CORE_REPORT_FILE = join(BENCH_RESULTS_DIR, 'bench.json');
export const RENDERER_REPORT_FILE = join(BENCH_RESULTS_DIR, 'renderer.json');
export const SUMMARY_FILE = join(BENCH_RESULTS_DIR, 'summary.json');

const Machine = { when: z.string(), node: z.string(), cores: z.number(), cpu: z.string() };

export const QueryFigure = z.object({
  name: z.string(),
  rows: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
});
export type QueryFigure = z.infer<typeof QueryFigure>;

export const InsightFigure = z.object({
  name: z.string(),
  runs: z.number(),
  p50Ms: z.number(),
  p95Ms: z.number(),
  targetP95Ms: z.number(),
  met: z.boolean(),
});

export const InsightSection = z.object({
  title: z.string(),
  clients: z.number(),
  entries: z.number(),
  buildSeconds: z.number(),
  figures: z.array(InsightFigure),
});
export type InsightSection = z.infer<typeof InsightSection>;

export const SyncEndToEnd = z.object({
  clients: z.number(),
  entries: z.number(),
  syncSeconds: z.number(),
  bareSeconds: z.number(),
  ratio: z.number(),
  rssMb: z.number(),
});
export type SyncEndToEnd = z.infer<typeof SyncEndToEnd>;

export const CoreSection = z.object({
  entries: z.number(),
  runs: z.number(),
  ingest: z.object({
    applyPathEntriesPerSecond: z.number(),
    rawWithSearchIndexEntriesPerSecond: z.number(),
    rawTableOnlyEntriesPerSecond: z.number(),
    ratio: z.number(),
    ratioToTableOnly: z.number(),
  }),
  queries: z.array(QueryFigure),
  /** p95 over every keystroke of the typing cases (query-bench.ts). */
  ftsPrefixTypingP95Ms: z.number(),
  syncEndToEnd: SyncEndToEnd,
});
export type CoreSection = z.infer<typeof CoreSection>;

export const CoreReport = z.object({ ...Machine, core: CoreSection.nullable(), insights: InsightSection });
export type CoreReport = z.infer<typeof CoreReport>;

export const RendererReport = z.object({
  ...Machine,
  chromium: z.string(),
  entries: z.number(),
  runs: z.number(),
  targets: z.object({
    firstRowsMs: z.number(),
    coldFirstRowsMs: z.number(),
    heapMb: z.number(),
    rssMb: z.number(),
    dashboardPaintMs: z.number(),
    initialJsKb: z.number(),
    clientListMs: z.number(),
  }),
  firstRows: z.object({ tabSwitchMedianMs: z.number(), coldLoadMedianMs: z.number() }),
  scroll: z.object({
    rows: z.number(),
    frames: z.number(),
    medianFrameMs: z.number(),
    p95FrameMs: z.number(),
    maxFrameMs: z.number(),
    framesOver25ms: z.number(),
    missedVsyncPct: z.number(),
    baselineMissedVsyncPct: z.number(),
    baselineP95FrameMs: z.number(),
  }),
  heap: z.object({ usedMedianMb: z.number(), afterGcMedianMb: z.number() }),
  /** The web host's resident memory after the scrolls: the main process's part of serving the log. */
  webHostRssMb: z.number(),
  dashboard: z.object({ clients: z.number(), entries: z.number(), firstPaintMedianMs: z.number() }),
  clientList: z.object({ clients: z.number(), coldLoadMedianMs: z.number() }),
  initialJs: z.object({ files: z.array(z.string()), minifiedKb: z.number(), gzipKb: z.number() }),
});
export type RendererReport = z.infer<typeof RendererReport>;

export function writeReport(file: string, report: unknown): void {
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** Null when that part of the bench has not run here yet; a file of another shape is an error, not a guess. */
export function readReport<T>(file: string, schema: z.ZodType<T>): T | null {
  if (!existsSync(file)) return null;
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} is from another version of the bench; run it again (${parsed.error.message}).`);
  return parsed.data;
}
