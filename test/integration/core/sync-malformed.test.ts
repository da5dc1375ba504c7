import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { snapshotApi, snapshotCache, sortedById } from './support/api-snapshot';
import { startTamperingProxy, type TamperingProxy } from './support/tampering-proxy';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let sandbox: SandboxHandle;
let proxy: TamperingProxy;
let harness: CoreHarness;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  proxy = await startTamperingProxy(sandbox.url);
  harness = openHarness(makeTempDir(), apiClient(proxy.url, sandbox.token), { pageSizes: { ledger: 50 } });
});

afterEach(async () => {
  await harness.close();
  await proxy.close();
  await sandbox.close();
  cleanupTempDirs();
});

type Page = { data: Record<string, unknown>[]; next_cursor: string | null };

describe('a malformed page from the billing API', () => {
  it('is rejected whole and sets only that client aside: the others sync, and the next sync retries it', async () => {
    const clientIds = (await snapshotApi(sandbox.url, sandbox.token)).clients.map((c) => c.id).sort();
    const victim = clientIds[2] ?? '';
    proxy.tamper = (path, body) => {
      if (path !== `/v1/clients/${victim}/ledger`) return body;
      const page = body as Page;
      // One bad row at the end of an otherwise fine first page.
      return { ...page, data: page.data.map((row, i) => (i === 40 ? { ...row, balance_after: -1 } : row)) };
    };

    const result = await harness.engine.syncNow();

    expect(result.status).toMatchObject({
      state: 'idle',
      error: null,
      clients: { synced: clientIds.length - 1, total: clientIds.length },
    });
    expect(harness.repos.ledger.countForClient(victim)).toBe(0);
    expect(harness.repos.syncCursors.ledgerAfterSeq(victim)).toBe(0);
    const problem = harness.repos.syncProblems.get(victim);
    expect(problem?.message).toMatch(/billing API sent an unexpected response.*ledger.*balance_after/);
    expect(problem?.details).toContain(`(${victim})`);
    for (const other of clientIds.filter((id) => id !== victim)) {
      expect(harness.repos.ledger.countForClient(other), other).toBeGreaterThan(0);
    }

    proxy.tamper = null;
    const retry = await harness.engine.syncNow();
    expect(retry.status).toMatchObject({ state: 'idle', clients: null });
    expect(harness.repos.syncProblems.get(victim)).toBeNull();
    expect(snapshotCache(harness.repos)).toEqual(sortedById(await snapshotApi(sandbox.url, sandbox.token)));
  });

  it('leaves an already synced cache exactly as it was', async () => {
    await harness.engine.syncNow();
    const before = snapshotCache(harness.repos);
    const lastSyncedAt = harness.repos.syncCursors.lastSyncedAt();
    const [clientId] = harness.repos.clients.ids();
    const pack = harness.repos.packs.list()[0];
    if (!clientId || !pack) throw new Error('cache not synced');
    await apiClient(sandbox.url, sandbox.token).updateAutoReload(clientId, {
      enabled: true,
      threshold: 1234,
      pack_id: pack.id,
    });
    proxy.tamper = (path, body) => {
      if (path !== '/v1/clients') return body;
      const page = body as Page;
      const broken = page.data.map((row) => ({ ...row, balance: { total: 1, plan: 5, top_up: 5 } }));
      return { ...page, data: broken };
    };

    const result = await harness.engine.syncNow();

    // Every client the (incremental) listing named is set aside with the reason; nothing cached changes.
    const total = before.clients.length;
    expect(result.status).toMatchObject({ state: 'idle', clients: { total } });
    expect(result.status.clients?.synced).toBeLessThan(total);
    expect(result.status.lastSyncedAt).not.toBe(lastSyncedAt);
    expect(harness.repos.syncProblems.get(clientId)?.message).toMatch(/can't read.*balance/);
    expect(snapshotCache(harness.repos)).toEqual(before);
  });

  it('sets aside a client the listing cannot read, stores the others, and takes it back once it reads', async () => {
    const clientIds = (await snapshotApi(sandbox.url, sandbox.token)).clients.map((c) => c.id).sort();
    const victim = clientIds[3] ?? '';
    proxy.tamper = (path, body) => {
      if (path !== '/v1/clients') return body;
      const page = body as Page;
      return {
        ...page,
        data: page.data.map((row) => (row.id === victim ? { ...row, plan: { tier: 7 } } : row)),
      };
    };

    const result = await harness.engine.syncNow();

    expect(result.status).toMatchObject({
      state: 'idle',
      clients: { synced: clientIds.length - 1, total: clientIds.length },
    });
    expect(harness.repos.clients.get(victim)).toBeNull();
    expect(harness.repos.syncProblems.get(victim)?.message).toMatch(/can't read \(plan/);
    expect(harness.repos.clients.ids()).toEqual(clientIds.filter((id) => id !== victim));

    proxy.tamper = null;
    const retry = await harness.engine.syncNow();
    expect(retry.status).toMatchObject({ state: 'idle', clients: null });
    expect(harness.repos.syncProblems.get(victim)).toBeNull();
    expect(snapshotCache(harness.repos)).toEqual(sortedById(await snapshotApi(sandbox.url, sandbox.token)));
  });
});
