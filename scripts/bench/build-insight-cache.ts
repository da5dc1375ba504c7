/**
 * The insights bench's cache: hundreds of clients with a year of credit log each, written through the sync's
 * apply path a page per transaction (so the per-day table is kept by the ledger repository, as in the app),
 * with the invoices of every renewal and purchase and the balances the replayed buckets give.
 */
import type { Client, Invoice, LedgerEntry } from '../../shared/api/billing-api';
import { openCache } from '../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../electron/core/db/repositories';
import { applyLedgerPage } from '../../electron/core/sync/apply-ledger-page';
import { DEFAULT_PAGE_SIZES } from '../../electron/core/sync/sync-engine';
import { PACKS, PLANS } from '../../sandbox/seed/catalog';
import { BENCH_OFFLINE_API_URL, benchClient, benchClientName } from './build-bench-cache';
import { INSIGHT_NOW, insightLedgerPages, insightProfile, type InsightProfile } from './insight-ledger';

export const INSIGHT_AGENCY_ID = 'ag_bench';
const SYNC_PAGE_SIZE = DEFAULT_PAGE_SIZES.ledger;

export interface InsightCache {
  clientIds: string[];
  /** Entries actually stored, read back from the cache. */
  entries: number;
}

/** The invoice behind a plan allocation or a purchase entry, at the catalog's price. */
function invoiceFor(entry: LedgerEntry, profile: InsightProfile, number: number): Invoice | null {
  if (!entry.invoice_id) return null;
  const isPlan = entry.type === 'plan_allocation';
  if (!isPlan && entry.type !== 'top_up' && entry.type !== 'auto_reload') return null;
  const price = isPlan ? profile.plan.price : profile.pack.price;
  const description = isPlan ? `${profile.plan.name} plan` : `${entry.amount} tokens`;
  return {
    id: entry.invoice_id,
    client_id: entry.client_id,
    number: `BENCH-${number}`,
    created_at: entry.at,
    description,
    amount: price,
    status: 'paid',
    lines: [{ description, quantity: 1, amount: price, unit_amount: price, tokens: entry.amount }],
    hosted_url: `https://invoices.example/${entry.invoice_id}`,
    top_up_id: entry.top_up_id,
  };
}

/** Stores one client's year page by page; returns the client as the billing service would list it. */
function storeClient(
  db: ReturnType<typeof openCache>['db'],
  repos: Repositories,
  n: number,
  entries: number,
  yearEndsAt: Date,
) {
  const id = `cl_insight_${n}`;
  const profile = insightProfile(n);
  const invoices: Invoice[] = [];
  const pages = insightLedgerPages(id, profile, entries, SYNC_PAGE_SIZE, yearEndsAt);
  let afterSeq = 0;
  for (let next = pages.next(); ; next = pages.next()) {
    if (next.done) {
      const { cycleStart, renewalDate, blocked } = next.value;
      const state = repos.ledgerReplay.current(id);
      const topUp = state.topUps.reduce((sum, bucket) => sum + bucket.remaining, 0);
      const client: Client = {
        ...benchClient(id, benchClientName(n), yearEndsAt.toISOString()),
        plan: profile.plan,
        cycle_start: cycleStart,
        renewal_date: renewalDate,
        balance: { total: state.plan + topUp, plan: state.plan, top_up: topUp },
        auto_reload: {
          enabled: profile.buyer === 'auto_reload',
          threshold: Math.round(profile.plan.tokens_per_cycle * 0.1),
          pack_id: profile.pack.id,
          monthly_limit: profile.monthlyLimit,
        },
        insufficient_tokens: blocked,
      };
      db.transaction(() => {
        repos.clients.upsertMany([client]);
        repos.invoices.replaceForClient(id, invoices);
      })();
      return id;
    }
    for (const entry of next.value) {
      const invoice = invoiceFor(entry, profile, n * 1_000 + invoices.length);
      if (invoice) invoices.push(invoice);
    }
    applyLedgerPage(db, repos, id, afterSeq, next.value);
    afterSeq = next.value.at(-1)?.seq ?? afterSeq;
  }
}

/** Builds the cache in `dataDir`: `clients` clients sharing `entries` entries evenly. */
export function buildInsightCache(
  dataDir: string,
  options: {
    clients: number;
    entries: number;
    /** The end of the generated year; the app should be asked at this time. INSIGHT_NOW unless given. */
    yearEndsAt?: Date;
    onProgress?: (done: number) => void;
  },
): InsightCache {
  const yearEndsAt = options.yearEndsAt ?? INSIGHT_NOW;
  const { db } = openCache({ dataDir });
  try {
    const repos = createRepositories(db);
    const at = yearEndsAt.toISOString();
    db.transaction(() => {
      repos.meta.set('cache_owner', BENCH_OFFLINE_API_URL);
      repos.meta.set('api_url', BENCH_OFFLINE_API_URL);
      repos.account.save({
        agency: { id: INSIGHT_AGENCY_ID, name: 'Bench Agency' },
        user: { id: 'us_bench', name: 'Bench User', email: 'bench@example.com' },
        card: { brand: 'Visa', last4: '4242', exp_month: 12, exp_year: 2030 },
        stripe_publishable_key: 'pk_test_bench',
      });
      repos.plans.replaceAll(PLANS);
      repos.packs.replaceAll(PACKS);
      // The credit log refers to its client, so every client exists before its first page.
      repos.clients.upsertMany(
        Array.from({ length: options.clients }, (_, n) =>
          benchClient(`cl_insight_${n}`, benchClientName(n), at),
        ),
      );
      repos.syncCursors.setLastSyncedAt(at);
    })();
    const clientIds: string[] = [];
    const each = Math.floor(options.entries / options.clients);
    const extra = options.entries - each * options.clients;
    for (let n = 0; n < options.clients; n++) {
      clientIds.push(storeClient(db, repos, n, each + (n < extra ? 1 : 0), yearEndsAt));
      options.onProgress?.(n + 1);
    }
    const stored = db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number };
    return { clientIds, entries: stored.n };
  } finally {
    db.close();
  }
}
