/** bench-results/summary.json: the figures as one flat object, from whichever reports exist. */
import {
  CORE_REPORT_FILE,
  CoreReport,
  readReport,
  RENDERER_REPORT_FILE,
  RendererReport,
  SUMMARY_FILE,
  writeReport,
} from './bench-reports';

export interface SummaryTarget {
  /** What the figure is, for the README's table. */
  label: string;
  unit: string;
  /** The figure is met when it is at most (or, for `atLeast`, at least) this. */
  limit: number | null;
  atLeast?: boolean;
}

/** The figures issue 13 names, in the order the summary lists them. */
export const SUMMARY_KEYS = [
  'scroll_missed_vsync_pct',
  'scroll_baseline_missed_vsync_pct',
  'scroll_p95_frame_ms',
  'cold_first_rows_ms',
  'cold_client_list_ms',
  'initial_js_kb',
  'fts_prefix_p95_ms',
  'ingest_ratio',
  'sync_e2e_ratio',
  'sync_e2e_seconds',
  'main_rss_mb',
  'renderer_heap_mb',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

export const SUMMARY_TARGETS: Record<SummaryKey, SummaryTarget> = {
  scroll_missed_vsync_pct: { label: 'credit log fling: frames over 25 ms', unit: '%', limit: 2 },
  scroll_baseline_missed_vsync_pct: {
    label: 'the same fling over the baseline table',
    unit: '%',
    limit: null,
  },
  scroll_p95_frame_ms: { label: 'credit log fling: p95 frame', unit: 'ms', limit: 25 },
  cold_first_rows_ms: { label: 'cold start → first credit-log rows', unit: 'ms', limit: 400 },
  cold_client_list_ms: { label: 'cold start → client list (5,000 clients)', unit: 'ms', limit: 300 },
  initial_js_kb: { label: 'JavaScript loaded at start-up, minified', unit: 'kB', limit: 250 },
  fts_prefix_p95_ms: { label: 'search while typing, p95 per keystroke', unit: 'ms', limit: 5 },
  ingest_ratio: { label: 'sync apply path / raw limit', unit: '×', limit: 0.85, atLeast: true },
  sync_e2e_ratio: { label: 'first sync / bare fetch-and-parse loop', unit: '×', limit: 0.7, atLeast: true },
  sync_e2e_seconds: { label: 'first sync, 25 clients, 200,000 entries', unit: 's', limit: null },
  main_rss_mb: { label: 'main process (web host) RSS after sync / scroll', unit: 'MB', limit: 300 },
  renderer_heap_mb: { label: 'renderer JS heap after the fling', unit: 'MB', limit: 150 },
};

export type BenchSummary = Partial<Record<SummaryKey, number>>;

export function isMet(key: SummaryKey, value: number): boolean | null {
  const target = SUMMARY_TARGETS[key];
  if (target.limit === null) return null;
  return target.atLeast ? value >= target.limit : value <= target.limit;
}

export function summarizeReports(core: CoreReport | null, renderer: RendererReport | null): BenchSummary {
  const figures: BenchSummary = {};
  if (renderer) {
    figures.scroll_missed_vsync_pct = renderer.scroll.missedVsyncPct;
    figures.scroll_baseline_missed_vsync_pct = renderer.scroll.baselineMissedVsyncPct;
    figures.scroll_p95_frame_ms = renderer.scroll.p95FrameMs;
    figures.cold_first_rows_ms = renderer.firstRows.coldLoadMedianMs;
    figures.cold_client_list_ms = renderer.clientList.coldLoadMedianMs;
    figures.initial_js_kb = renderer.initialJs.minifiedKb;
  }
  const section = core?.core;
  if (section) {
    figures.fts_prefix_p95_ms = section.ftsPrefixTypingP95Ms;
    figures.ingest_ratio = section.ingest.ratio;
    figures.sync_e2e_ratio = section.syncEndToEnd.ratio;
    figures.sync_e2e_seconds = section.syncEndToEnd.syncSeconds;
  }
  // The larger of the two processes that play the main process's part: the core after the sync, the web host
  // after serving the fling.
  const rss = [section?.syncEndToEnd.rssMb, renderer?.webHostRssMb].filter((mb) => mb !== undefined);
  if (rss.length > 0) figures.main_rss_mb = Math.max(...rss);
  if (renderer) figures.renderer_heap_mb = renderer.heap.usedMedianMb;
  const ordered: BenchSummary = {};
  for (const key of SUMMARY_KEYS) if (figures[key] !== undefined) ordered[key] = figures[key];
  return ordered;
}

/** Rewrites summary.json from the reports on disk; each part of the bench calls it when it has written its own. */
export function writeSummary(): BenchSummary {
  const summary = summarizeReports(
    readReport(CORE_REPORT_FILE, CoreReport),
    readReport(RENDERER_REPORT_FILE, RendererReport),
  );
  writeReport(SUMMARY_FILE, summary);
  return summary;
}
