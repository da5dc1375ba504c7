import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { STORE_FILE_NAME } from '../../../sandbox/store/open-store';
import type { BillingApiClient } from '../../../electron/core/billing-api/billing-api-client';
import {
  COMPLETE_CLIENT_LISTING_EVERY_MS,
  type SyncEngineOptions,
} from '../../../electron/core/sync/sync-engine';
import { searchRowid, MAX_SEARCHABLE_SEQ } from '../../../electron/core/ledger/ledger-search-key';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { snapshotCache } from './support/api-snapshot';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const PAGE_SIZES: SyncEngineOptions['pageSizes'] = { clients: 10, ledger: 200, invoices: 5 };

let sandbox: SandboxHandle;
let api: BillingApiClient;
let dataDir: string;
let clock: Date;
let harness: CoreHarness;

function open(): CoreHarness {
  return openHarness(dataDir, api, { pageSizes: PAGE_SIZES, now: () => clock });
}

/** The next app run on the same cache: its first sync reads the whole client list. */
async function restart(): Promise<void> {
  await harness.close();
  harness = open();
}

/** The sandbox has no route to delete a client, so its own store loses the client and everything tied to it. */
function deleteOnBillingService(clientId: string): void {
  const store = new Database(path.join(sandbox.dataDir, STORE_FILE_NAME));
  const topUps = 'SELECT id FROM top_ups WHERE client_id = @id';
  try {
    store.pragma('foreign_keys = ON');
    store.transaction(() => {
      for (const sql of [
        'DELETE FROM outbox WHERE client_id = @id',
        'DELETE FROM charges WHERE client_id = @id',
        `DELETE FROM checkout_sessions WHERE top_up_id IN (${topUps})`,
        `DELETE FROM top_up_keys WHERE top_up_id IN (${topUps})`,
        'DELETE FROM top_ups WHERE client_id = @id',
        'DELETE FROM client_billing WHERE client_id = @id',
        'DELETE FROM usage_submissions WHERE client_id = @id',
        'DELETE FROM invoice_sequences WHERE client_id = @id',
        'DELETE FROM ledger WHERE client_id = @id',
        'DELETE FROM invoices WHERE client_id = @id',
        'DELETE FROM clients WHERE id = @id',
      ])
        store.prepare(sql).run({ id: clientId });
    })();
  } finally {
    store.close();
  }
}

/** The client with the most invoices: the one whose removal has the most to clean up. */
function victim(): string {
  const [clientId] = harness.repos.clients
    .ids()
    .sort(
      (a, b) =>
        harness.repos.invoices.listForClient(b).length - harness.repos.invoices.listForClient(a).length,
    );
  if (!clientId) throw new Error('no clients');
  expect(harness.repos.invoices.listForClient(clientId).length).toBeGreaterThan(0);
  expect(harness.repos.ledger.countForClient(clientId)).toBeGreaterThan(0);
  return clientId;
}

function searchRows(clientKey: number): number {
  return (
    harness.cache.db
      .prepare<[number, number], { n: number }>(
        'SELECT count(*) AS n FROM ledger_search WHERE rowid BETWEEN ? AND ?',
      )
      .get(searchRowid(clientKey, 0), searchRowid(clientKey, MAX_SEARCHABLE_SEQ))?.n ?? 0
  );
}

function withoutClient(snapshot: ReturnType<typeof snapshotCache>, clientId: string) {
  const { [clientId]: _ledger, ...ledger } = snapshot.ledger;
  const { [clientId]: _invoices, ...invoices } = snapshot.invoices;
  return { ...snapshot, clients: snapshot.clients.filter((c) => c.id !== clientId), ledger, invoices };
}

/** Lets the next listing's first page through, then has the sandbox fail the page after it. */
function failListingAfterFirstPage(): void {
  const listClients = api.listClients.bind(api);
  api.listClients = async (query, signal) => {
    api.listClients = listClients;
    const page = await listClients(query, signal);
    expect(page.next_cursor, 'the listing has a second page').not.toBeNull();
    const response = await fetch(`${sandbox.url}/sandbox/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fail_next: { route: 'listClients', count: 1 } }),
    });
    expect(response.status).toBe(200);
    return page;
  };
}

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  api = apiClient(sandbox.url, sandbox.token);
  dataDir = makeTempDir();
  clock = new Date('2026-06-15T12:00:00.000Z');
  harness = open();
  expect((await harness.engine.syncNow()).status.state).toBe('idle');
});

afterEach(async () => {
  await harness.close();
  await sandbox.close();
  cleanupTempDirs();
});

describe('clients removed on the billing service', () => {
  it('are looked for by reading every client on the first sync of a run, then at most every 10 minutes', async () => {
    const total = harness.repos.clients.count();
    const fetchedAfter = async (ms: number) => {
      clock = new Date(clock.getTime() + ms);
      return (await harness.engine.syncNow()).report?.clientsFetched;
    };

    expect(await fetchedAfter(60_000)).toBeLessThanOrEqual(1);
    expect(await fetchedAfter(COMPLETE_CLIENT_LISTING_EVERY_MS - 60_000)).toBe(total);
    expect(await fetchedAfter(60_000)).toBeLessThanOrEqual(1);
    await restart();
    expect(await fetchedAfter(0)).toBe(total);
    expect(harness.repos.clients.count()).toBe(total);
  });

  it('leave the cache with their credit log, search rows, invoices and cursors; the others stay as they were', async () => {
    const gone = victim();
    const clientKey = harness.repos.ledger.searchKey(gone);
    if (clientKey === null) throw new Error('no search key');
    expect(searchRows(clientKey)).toBe(harness.repos.ledger.countForClient(gone));
    const before = snapshotCache(harness.repos);

    deleteOnBillingService(gone);
    await restart();
    const result = await harness.engine.syncNow();

    expect(result.status.state).toBe('idle');
    expect(harness.repos.clients.get(gone)).toBeNull();
    expect(
      harness.repos.clients.listPage({ search: '', sort: 'name', direction: 'asc', show: 'all' }).rows,
    ).toHaveLength(before.clients.length - 1);
    expect(harness.repos.ledger.countForClient(gone)).toBe(0);
    expect(harness.repos.invoices.listForClient(gone)).toEqual([]);
    expect(harness.repos.ledger.searchKey(gone)).toBeNull();
    expect(searchRows(clientKey)).toBe(0);
    const leftovers = harness.cache.db
      .prepare<[string, string], { n: number }>(
        `SELECT (SELECT count(*) FROM sync_cursors WHERE client_id = ?)
              + (SELECT count(*) FROM ledger_replay WHERE client_id = ?) AS n`,
      )
      .get(gone, gone);
    expect(leftovers?.n).toBe(0);
    expect(snapshotCache(harness.repos)).toEqual(withoutClient(before, gone));
    expect(harness.eventsOf('cache.changed')).toContainEqual({
      scopes: ['clients', 'ledger', 'invoices'],
      clientIds: [gone],
    });
  });

  it('go at the next sync when their ledger answers 404, without failing it', async () => {
    const gone = victim();
    deleteOnBillingService(gone);

    const result = await harness.engine.syncNow();

    expect(result.status).toMatchObject({ state: 'idle', error: null });
    expect(harness.repos.clients.get(gone)).toBeNull();
    expect(harness.repos.ledger.countForClient(gone)).toBe(0);
  });

  it('stay while a listing fails half-way, and go once one is read whole', async () => {
    const gone = victim();
    const before = snapshotCache(harness.repos);
    deleteOnBillingService(gone);
    failListingAfterFirstPage();

    await restart();
    const failed = await harness.engine.syncNow();

    expect(failed.status).toMatchObject({ state: 'error', error: { kind: 'server' } });
    expect(snapshotCache(harness.repos)).toEqual(before);
    expect(harness.eventsOf('cache.changed').filter((c) => c.clientIds?.includes(gone))).toEqual([]);

    const retried = await harness.engine.syncNow();
    expect(retried.status.state).toBe('idle');
    expect(harness.repos.clients.get(gone)).toBeNull();
  });

  it('keep their purchases in the journal', async () => {
    const gone = victim();
    const pack = harness.repos.packs.list()[0];
    if (!pack) throw new Error('no packs');
    const purchase = harness.repos.purchases.insertPending({
      id: 'pur_removed_client',
      workspace: { owner: sandbox.url, agencyId: 'ag_test' },
      clientId: gone,
      clientName: harness.repos.clients.get(gone)?.name ?? gone,
      packId: pack.id,
      tokens: pack.tokens,
      amount: pack.price,
      idempotencyKey: 'idem-removed-client',
      card: null,
    });

    deleteOnBillingService(gone);
    await restart();
    await harness.engine.syncNow();

    expect(harness.repos.clients.get(gone)).toBeNull();
    expect(harness.repos.purchases.get(purchase.id)).toEqual(purchase);
  });
});
