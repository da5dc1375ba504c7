/**
 * A new token for another agency on the same billing API URL: the cache must
 * not mix the two agencies' clients or credit logs, and the purchase journal
 * keeps the first agency's purchases.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/server';
import { STORE_FILE_NAME } from '../../../sandbox/store/open-store';
import { apiClient, openHarness } from './support/core-harness';
import { snapshotApi, snapshotCache, sortedById } from './support/api-snapshot';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

afterEach(cleanupTempDirs);

it('starts the mirror over when the billing API answers for another agency, keeping the journal', async () => {
  const sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  const harness = openHarness(makeTempDir(), apiClient(sandbox.url, sandbox.token));
  try {
    expect((await harness.engine.syncNow()).status.state).toBe('idle');
    const first = harness.repos.account.get();
    const [clientId] = harness.repos.clients.ids();
    if (!first || !clientId) throw new Error('the first sync cached nothing');
    harness.repos.purchases.insertPending({
      id: 'pur_first_agency',
      workspace: { owner: 'https://billing.example.com', agencyId: first.agency.id },
      clientId,
      clientName: 'Atlas',
      packId: 'pack_1k',
      tokens: 1_000,
      amount: { amount: 1_500, currency: 'USD' },
      idempotencyKey: 'key-first-agency',
      card: null,
    });
    // The same server now answers for another agency whose oldest entry differs under the same ids: an
    // incremental sync would never fetch seq 1 again and would keep the first agency's text.
    const store = new Database(path.join(sandbox.dataDir, STORE_FILE_NAME));
    try {
      store.prepare("UPDATE agency SET id = 'agc_northwind', name = 'Northwind Agency'").run();
      store
        .prepare(
          "UPDATE ledger SET description = 'Northwind opening balance' WHERE client_id = ? AND seq = 1",
        )
        .run(clientId);
    } finally {
      store.close();
    }
    harness.events.length = 0;

    expect((await harness.engine.syncNow()).status.state).toBe('idle');

    expect(harness.repos.account.get()?.agency).toEqual({ id: 'agc_northwind', name: 'Northwind Agency' });
    expect(harness.repos.ledger.listForClient(clientId)[0]?.description).toBe('Northwind opening balance');
    expect(snapshotCache(harness.repos)).toEqual(sortedById(await snapshotApi(sandbox.url, sandbox.token)));
    expect(harness.eventsOf('cache.changed')[0]?.scopes).toEqual(
      expect.arrayContaining(['account', 'clients', 'catalog', 'ledger', 'invoices']),
    );
    expect(harness.repos.purchases.get('pur_first_agency')).toMatchObject({
      state: 'pending',
      workspace: { agencyId: first.agency.id },
    });
  } finally {
    await harness.close();
    await sandbox.close();
  }
});
