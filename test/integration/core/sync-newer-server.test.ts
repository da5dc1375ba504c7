/**
 * The billing API moves on before the app does: the sandbox's newer-server
 * mode sends, for one client, a ledger entry type and an invoice status this
 * version does not know, extra fields and +02:00 timestamps. Every client
 * still syncs, the changed one shows its new entries, and nothing is retried
 * forever. A client whose data cannot be stored is set aside alone.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { provenanceFor } from '../../../electron/core/ledger/provenance';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { snapshotApi, snapshotCache, sortedById } from './support/api-snapshot';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let sandbox: SandboxHandle;
let harness: CoreHarness;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  harness = openHarness(makeTempDir(), apiClient(sandbox.url, sandbox.token));
});

afterEach(async () => {
  await harness.close();
  await sandbox.close();
  cleanupTempDirs();
});

async function control(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

it('syncs every client when one is served by a newer billing API, and stores what it sent', async () => {
  expect((await harness.engine.syncNow()).status.state).toBe('idle');
  const clientIds = harness.repos.clients.ids();
  const changed = clientIds[1] ?? '';
  const newer = await control('/sandbox/newer-server', { client_id: changed });
  const invoiceId = String(newer.invoice_id);

  // The wire really is different: offsets, extra fields, new values.
  const raw = (await (
    await fetch(`${sandbox.url}/v1/clients/${changed}/ledger?after_seq=0&limit=1000`, {
      headers: { authorization: `Bearer ${sandbox.token}` },
    })
  ).json()) as { data: Record<string, unknown>[] };
  expect(raw.data.at(-1)).toMatchObject({ type: 'transfer', livemode: false });
  expect(String(raw.data.at(-1)?.at)).toMatch(/\+02:00$/);

  const result = await harness.engine.syncNow();

  expect(result.status).toMatchObject({ state: 'idle', error: null, clients: null });
  const entries = harness.repos.ledger.listForClient(changed);
  const transfer = entries.at(-1);
  expect(transfer).toMatchObject({ type: 'transfer', amount: 250, bucket: 'top_up' });
  expect(transfer?.at).toMatch(/Z$/);
  expect(transfer).not.toHaveProperty('livemode');
  expect(harness.repos.invoices.listForClient(changed).find((i) => i.id === invoiceId)?.status).toBe(
    'partially_refunded',
  );
  const client = harness.repos.clients.get(changed);
  expect(client?.updated_at).toMatch(/Z$/);
  const provenance = provenanceFor(harness.repos, changed);
  expect(provenance?.total).toBe(client?.balance.total);
  expect(provenance?.topUps.some((bucket) => bucket.type === 'transfer' && bucket.tokensLeft === 250)).toBe(
    true,
  );
  expect(snapshotCache(harness.repos)).toEqual(sortedById(await snapshotApi(sandbox.url, sandbox.token)));

  const again = await harness.engine.syncNow();
  expect(again.status.state).toBe('idle');
  expect(again.report).toMatchObject({ ledgerEntriesFetched: 0, invoicesFetched: 0 });
});

it('sets aside a client whose data cannot be stored, says why, and takes it back once it can', async () => {
  const listed = (await snapshotApi(sandbox.url, sandbox.token)).clients.map((c) => c.id).sort();
  const victim = listed[0] ?? '';
  // A real SQLite failure for one client's rows, as a full disk or a corrupt page would give.
  harness.cache.db.exec(`
    CREATE TEMP TRIGGER refuse_victim BEFORE INSERT ON ledger_entries WHEN NEW.client_id = '${victim}'
    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
  `);

  const result = await harness.engine.syncNow();

  expect(result.status).toMatchObject({
    state: 'idle',
    clients: { synced: listed.length - 1, total: listed.length },
  });
  const problem = harness.repos.syncProblems.get(victim);
  expect(problem?.message).toBe("This client's data could not be stored in the local cache.");
  expect(problem?.details).toContain('database or disk is full');
  expect(harness.repos.ledger.countForClient(victim)).toBe(0);
  expect(listed.slice(1).every((id) => harness.repos.ledger.countForClient(id) > 0)).toBe(true);
  expect(harness.eventsOf('cache.changed')).toContainEqual({ scopes: ['clients'], clientIds: [victim] });

  harness.cache.db.exec('DROP TRIGGER refuse_victim');
  const retry = await harness.engine.syncNow();
  expect(retry.status).toMatchObject({ state: 'idle', clients: null });
  expect(harness.repos.syncProblems.get(victim)).toBeNull();
  expect(snapshotCache(harness.repos)).toEqual(sortedById(await snapshotApi(sandbox.url, sandbox.token)));
});
