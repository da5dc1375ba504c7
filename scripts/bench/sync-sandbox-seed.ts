/**
 * A billing sandbox store for the end-to-end sync benchmark: the seed's agency, catalog and client setups, each
 * client with a long credit log written through the seed's own client books (plan renewals and top-ups with
 * their invoices, usage drawn from the seed's activities), so the sandbox serves exactly what it would have
 * seeded itself, only more of it. Histories end just before `now` and each client's current cycle contains
 * `now`, so the sandbox has no renewal to catch up on when it starts.
 *
 * Run as its own process (`node --import tsx scripts/bench/sync-sandbox-seed.ts <dataDir> <clients> <entries>`)
 * so the generated histories never count towards the benchmark process's memory.
 */
import { pathToFileURL } from 'node:url';
import type { LedgerEntry } from '../../shared/api/billing-api';
import { balanceOf } from '../../shared/domain/token-ledger';
import { replayEntries } from '../../shared/domain/token-replay';
import { addMonths, cycleStartOnOrBefore, isoDate, startOfUtcDay } from '../../sandbox/seed/calendar';
import { packById, PACKS, PLANS, planByTier, SANDBOX_ME } from '../../sandbox/seed/catalog';
import { createClientBook } from '../../sandbox/seed/client-book';
import { CLIENT_NAMES, USAGE_ACTIVITIES } from '../../sandbox/seed/client-names';
import { planClientSetups, type ClientSetup } from '../../sandbox/seed/client-setups';
import { createPrng, mixSeed, type Prng } from '../../sandbox/seed/prng';
import type { ClientRecord } from '../../sandbox/store/client-repository';
import type { InvoiceRecord } from '../../sandbox/store/invoice-repository';
import { openStore, writeMeta } from '../../sandbox/store/open-store';
import { createRepositories } from '../../sandbox/store/repositories';
import { SCHEMA_VERSION } from '../../sandbox/store/schema';

const SYNC_BENCH_SEED = 13;
/** Long enough for renewals, expiries and top-ups to recur, as in a real workspace's history. */
const HISTORY_CYCLES = 12;
const QUIET_MS = 10 * 60_000;
/** The pack a client without Auto Reload settings buys when it runs low. */
const FALLBACK_PACK_ID = 'pack_5k';

export interface SyncSandboxSize {
  clients: number;
  /** Ledger entries across all clients. */
  entries: number;
}

interface LongHistory {
  record: ClientRecord;
  entries: readonly LedgerEntry[];
  invoices: readonly InvoiceRecord[];
}

/**
 * Usage at an even pace from HISTORY_CYCLES renewals ago until just before `now`, sized so the client uses its
 * usage rate of each allocation; whatever the balance cannot cover is bought first, so every usage is an entry.
 */
function longHistory(setup: ClientSetup, target: number, now: Date, rng: Prng): LongHistory {
  const plan = planByTier(setup.tier);
  const currentCycleStart = cycleStartOnOrBefore(startOfUtcDay(now), setup.anchorDay);
  const firstDay = addMonths(currentCycleStart, -HISTORY_CYCLES);
  const stepMs = (now.getTime() - QUIET_MS - firstDay.getTime()) / target;
  const tokensPerUsage = (plan.tokens_per_cycle * setup.usageRate * HISTORY_CYCLES) / target;
  const pack = packById(setup.autoReload.pack_id ?? FALLBACK_PACK_ID);
  const kind = setup.autoReload.enabled ? 'auto_reload' : 'top_up';
  const book = createClientBook(setup, rng);
  let nextRenewal = firstDay;
  for (let n = 0; book.entries.length < target; n += 1) {
    const at = new Date(firstDay.getTime() + n * stepMs);
    while (at >= nextRenewal) {
      book.renew(plan, nextRenewal, addMonths(nextRenewal, 1));
      nextRenewal = addMonths(nextRenewal, 1);
    }
    const tokens = Math.max(5, Math.round((tokensPerUsage * (0.5 + rng.next())) / 5) * 5);
    if (book.total() < tokens) book.topUp(kind, pack, at);
    book.use(tokens, at, rng.pick(USAGE_ACTIVITIES));
  }
  // A renewal or a purchase with its usage can pass the target by one entry.
  const entries = book.entries.slice(0, target);
  const balance = balanceOf(replayEntries(setup.id, entries));
  return {
    record: {
      id: setup.id,
      name: setup.name,
      plan_tier: setup.tier,
      cycle_start: isoDate(currentCycleStart),
      renewal_date: isoDate(addMonths(currentCycleStart, 1)),
      balance_plan: balance.plan,
      balance_top_up: balance.top_up,
      auto_reload: setup.autoReload,
      updated_at: entries.at(-1)?.at ?? now.toISOString(),
    },
    entries,
    invoices: book.invoices,
  };
}

/** Fills an empty sandbox store in `dataDir`; entries are shared out evenly between the clients. */
export function seedSyncSandbox(dataDir: string, size: SyncSandboxSize, now: Date): void {
  if (size.clients < 1 || size.clients > CLIENT_NAMES.length) {
    throw new RangeError(
      `The sandbox has names for 1 to ${CLIENT_NAMES.length} clients, not ${size.clients}`,
    );
  }
  const db = openStore({ dataDir });
  try {
    const repos = createRepositories(db);
    db.transaction(() => {
      repos.agency.insert(SANDBOX_ME);
      repos.catalog.insertPlans(PLANS);
      repos.catalog.insertPacks(PACKS);
      const setups = planClientSetups(createPrng(mixSeed(SYNC_BENCH_SEED)), size.clients);
      for (const setup of setups) {
        const share =
          Math.floor(size.entries / size.clients) + (setup.index < size.entries % size.clients ? 1 : 0);
        const history = longHistory(setup, share, now, createPrng(mixSeed(SYNC_BENCH_SEED, setup.index + 1)));
        repos.clients.insert(history.record);
        repos.ledger.insertMany(history.entries);
        for (const invoice of history.invoices) repos.invoices.insert(invoice);
        repos.invoices.startSequence(setup.id, setup.invoicePrefix, history.invoices.length);
      }
      writeMeta(db, 'schema_version', String(SCHEMA_VERSION));
      writeMeta(db, 'seed', String(SYNC_BENCH_SEED));
      writeMeta(db, 'seeded_at', now.toISOString());
    })();
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dataDir, clients, entries] = process.argv.slice(2);
  if (!dataDir || !clients || !entries)
    throw new Error('usage: sync-sandbox-seed <dataDir> <clients> <entries>');
  seedSyncSandbox(dataDir, { clients: Number(clients), entries: Number(entries) }, new Date());
}
