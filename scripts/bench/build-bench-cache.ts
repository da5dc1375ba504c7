/**
 * A cache with a million-entry client and thousands of others, built through
 * the sync's own apply path, for the Node benchmarks and the browser one
 * (which starts the web host offline on it: see BENCH_OFFLINE_ENV).
 */
import type { Client } from '../../shared/api/billing-api';
import { openCache } from '../../electron/core/db/open-cache';
import { createRepositories } from '../../electron/core/db/repositories';
import { applyLedgerPage } from '../../electron/core/sync/apply-ledger-page';
import { DEFAULT_PAGE_SIZES } from '../../electron/core/sync/sync-engine';
import { BENCH_PLAN_TOKENS, generateLedgerPages } from './ledger-generator';

export const BENCH_CLIENT_ID = 'cl_bench_million';
/** Nothing listens on port 9 (discard) locally: the app starts offline and serves the cache. */
export const BENCH_OFFLINE_API_URL = 'http://127.0.0.1:9';
const SYNC_PAGE_SIZE = DEFAULT_PAGE_SIZES.ledger;

/** The environment for startAppRuntime / `tsx electron/web-host/cli.ts` on a bench cache. */
export function benchOfflineEnv(dataDir: string): Record<string, string> {
  return { APP_DATA_DIR: dataDir, BILLING_API_URL: BENCH_OFFLINE_API_URL, BILLING_API_TOKEN: 'x' };
}

const WORDS = ['Acme', 'Blue', 'Cedar', 'Delta', 'Echo', 'Fox', 'Granite', 'Harbor', 'Iris', 'Juniper'];

export function benchClient(id: string, name: string, updatedAt: string): Client {
  return {
    id,
    name,
    plan: {
      tier: 'growth',
      name: 'Growth',
      tokens_per_cycle: BENCH_PLAN_TOKENS,
      price: { amount: 49_900, currency: 'USD' },
    },
    cycle_start: '2026-01-01',
    renewal_date: '2026-02-01',
    balance: { total: 0, plan: 0, top_up: 0 },
    auto_reload: { enabled: false, threshold: 0, pack_id: null },
    updated_at: updatedAt,
  };
}

export function benchClientName(n: number): string {
  const a = WORDS[n % WORDS.length] ?? 'Client';
  const b = WORDS[Math.floor(n / WORDS.length) % WORDS.length] ?? 'Co';
  return `${a} ${b} Studio ${n}`;
}

export interface BenchCacheOptions {
  clientEntries?: number;
  /** Clients in the list besides the big one. */
  otherClients?: number;
}

/** Builds (or rebuilds) the cache in `dataDir`; returns the big client's id. */
export function buildBenchCache(dataDir: string, options: BenchCacheOptions = {}): { clientId: string } {
  const { db } = openCache({ dataDir });
  try {
    const repos = createRepositories(db);
    const updatedAt = '2026-01-15T00:00:00Z';
    db.transaction(() => {
      repos.meta.set('cache_owner', BENCH_OFFLINE_API_URL);
      repos.meta.set('api_url', BENCH_OFFLINE_API_URL);
      repos.account.save({
        agency: { id: 'ag_bench', name: 'Bench Agency' },
        user: { id: 'us_bench', name: 'Bench User', email: 'bench@example.com' },
        card: null,
        stripe_publishable_key: 'pk_test_bench',
      });
      const others = Array.from({ length: options.otherClients ?? 4_999 }, (_, n) =>
        benchClient(`cl_bench_${n}`, benchClientName(n), updatedAt),
      );
      repos.clients.upsertMany([benchClient(BENCH_CLIENT_ID, 'Million Entry Media', updatedAt), ...others]);
      repos.syncCursors.setLastSyncedAt(updatedAt);
    })();
    let afterSeq = repos.syncCursors.ledgerAfterSeq(BENCH_CLIENT_ID);
    for (const page of generateLedgerPages(
      BENCH_CLIENT_ID,
      options.clientEntries ?? 1_000_000,
      SYNC_PAGE_SIZE,
    )) {
      const fresh = page.filter((entry) => entry.seq > afterSeq);
      if (fresh.length === 0) continue;
      applyLedgerPage(db, repos, BENCH_CLIENT_ID, afterSeq, fresh);
      afterSeq = fresh.at(-1)?.seq ?? afterSeq;
    }
    const state = repos.ledgerReplay.current(BENCH_CLIENT_ID);
    const topUp = state.topUps.reduce((sum, bucket) => sum + bucket.remaining, 0);
    const big = benchClient(BENCH_CLIENT_ID, 'Million Entry Media', updatedAt);
    repos.clients.upsertMany([
      { ...big, balance: { total: state.plan + topUp, plan: state.plan, top_up: topUp } },
    ]);
    return { clientId: BENCH_CLIENT_ID };
  } finally {
    db.close();
  }
}
