import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { snapshotApi, snapshotCache, sortedById } from './support/api-snapshot';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let sandbox: SandboxHandle;
let harness: CoreHarness;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  harness = openHarness(makeTempDir(), apiClient(sandbox.url, sandbox.token), {
    pageSizes: { clients: 10, ledger: 200, invoices: 5 },
  });
});

afterEach(async () => {
  await harness.close();
  await sandbox.close();
  cleanupTempDirs();
});

describe('SyncEngine', () => {
  it('makes the cache equal to the billing API: every client, every ledger entry by seq, every invoice', async () => {
    const result = await harness.engine.syncNow();

    expect(result.status).toMatchObject({ state: 'idle', progress: null, error: null });
    expect(result.status.lastSyncedAt).not.toBeNull();
    const api = sortedById(await snapshotApi(sandbox.url, sandbox.token));
    expect(api.clients.length).toBeGreaterThanOrEqual(20);
    expect(snapshotCache(harness.repos)).toEqual(api);
    for (const [clientId, entries] of Object.entries(api.ledger)) {
      const seqs = harness.repos.ledger.listForClient(clientId).map((entry) => entry.seq);
      expect(seqs).toEqual(entries.map((entry) => entry.seq));
    }
  });

  it('reports progress per client, then idle, and announces what changed', async () => {
    await harness.engine.syncNow();

    const statuses = harness.eventsOf('sync.status');
    expect(statuses[0]).toMatchObject({ state: 'syncing', lastSyncedAt: null });
    const progress = statuses.flatMap((status) => (status.progress ? [status.progress] : []));
    const total = harness.repos.clients.count();
    expect(progress[0]).toEqual({ done: 0, total, label: 'clients', entries: 0 });
    expect(progress.at(-1)).toMatchObject({ done: total - 1, total, label: 'clients' });
    const entryCounts = progress.map((p) => p.entries);
    expect(entryCounts).toEqual([...entryCounts].sort((a, b) => a - b));
    expect(entryCounts.at(-1)).toBeGreaterThan(0);
    expect(statuses.at(-1)).toMatchObject({ state: 'idle', progress: null });
    const revisions = statuses.map((status) => status.revision);
    expect(revisions, 'every status is newer than the one before').toEqual(
      [...new Set(revisions)].sort((a, b) => a - b),
    );
    expect(harness.engine.status()).toEqual(statuses.at(-1));

    const changes = harness.eventsOf('cache.changed');
    const scopes = new Set(changes.flatMap((change) => change.scopes));
    expect(scopes).toEqual(new Set(['account', 'catalog', 'clients', 'ledger', 'invoices']));
    const ledgerClients = new Set(
      changes.filter((c) => c.scopes.includes('ledger')).flatMap((c) => c.clientIds ?? []),
    );
    expect(ledgerClients).toEqual(new Set(harness.repos.clients.ids()));
  });

  it('fetches only what is new on the next sync', async () => {
    await harness.engine.syncNow();
    harness.events.length = 0;

    const quiet = await harness.engine.syncNow();
    expect(quiet.report).toMatchObject({ ledgerEntriesFetched: 0, invoicesFetched: 0 });
    expect(quiet.report?.clientsFetched).toBeLessThanOrEqual(1);
    expect(harness.eventsOf('cache.changed')).toEqual([]);

    // Pretend the last five entries of one client arrived after the previous sync.
    const [clientId] = harness.repos.clients.ids();
    if (!clientId) throw new Error('no clients');
    const entries = harness.repos.ledger.listForClient(clientId);
    const keep = entries.at(-6)?.seq ?? 0;
    const db = harness.cache.db;
    db.prepare('DELETE FROM ledger_entries WHERE client_id = ? AND seq > ?').run(clientId, keep);
    harness.repos.syncCursors.setLedgerAfterSeq(clientId, keep);

    const incremental = await harness.engine.syncNow();
    expect(incremental.report?.ledgerEntriesFetched).toBe(5);
    expect(harness.repos.ledger.listForClient(clientId)).toEqual(entries);
    expect(harness.eventsOf('cache.changed')).toContainEqual({
      scopes: expect.arrayContaining(['ledger']),
      clientIds: [clientId],
    });
  });

  it('picks up a client changed on the billing service, and refetches only its invoices', async () => {
    await harness.engine.syncNow();
    const [clientId] = harness.repos.clients.ids();
    if (!clientId) throw new Error('no clients');
    const before = harness.repos.clients.get(clientId);
    const pack = harness.repos.packs.list()[0];
    if (!before || !pack) throw new Error('cache not synced');

    await apiClient(sandbox.url, sandbox.token).updateAutoReload(clientId, {
      enabled: true,
      threshold: 4321,
      pack_id: pack.id,
    });
    const result = await harness.engine.syncNow();

    expect(harness.repos.clients.get(clientId)?.auto_reload).toMatchObject({
      enabled: true,
      threshold: 4321,
      pack_id: pack.id,
    });
    expect(result.report?.invoicesFetched).toBe(harness.repos.invoices.listForClient(clientId).length);
  });

  it('joins a running sync instead of starting a second one', async () => {
    const first = harness.engine.syncNow();
    const second = harness.engine.syncNow();
    expect(second).toBe(first);
    await first;
    const syncingStarts = harness
      .eventsOf('sync.status')
      .filter((status) => status.state === 'syncing' && status.progress === null);
    expect(syncingStarts).toHaveLength(1);
  });

  it('reports signed_out and touches nothing when there is no session', async () => {
    const signedOut = openHarness(makeTempDir(), null);
    try {
      const result = await signedOut.engine.syncNow();
      expect(result.status.state).toBe('signed_out');
      expect(signedOut.repos.clients.count()).toBe(0);
    } finally {
      await signedOut.close();
    }
  });
});
