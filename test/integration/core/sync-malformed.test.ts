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
  it('is rejected whole: nothing from it is written and the sync reports a validation error', async () => {
    const clientIds = (await snapshotApi(sandbox.url, sandbox.token)).clients.map((c) => c.id).sort();
    const victim = clientIds[2] ?? '';
    proxy.tamper = (path, body) => {
      if (path !== `/v1/clients/${victim}/ledger`) return body;
      const page = body as Page;
      // One bad row at the end of an otherwise fine first page.
      return { ...page, data: page.data.map((row, i) => (i === 40 ? { ...row, balance_after: -1 } : row)) };
    };

    const result = await harness.engine.syncNow();

    expect(result.status.state).toBe('error');
    expect(result.status.error?.kind).toBe('validation');
    expect(result.status.error?.message).toMatch(
      /billing API sent an unexpected response.*ledger.*balance_after/,
    );
    expect(harness.repos.ledger.countForClient(victim)).toBe(0);
    expect(harness.repos.syncCursors.ledgerAfterSeq(victim)).toBe(0);
    expect(harness.repos.syncCursors.lastSyncedAt()).toBeNull();

    proxy.tamper = null;
    const retry = await harness.engine.syncNow();
    expect(retry.status.state).toBe('idle');
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

    expect(result.status).toMatchObject({ state: 'error', lastSyncedAt, error: { kind: 'validation' } });
    expect(snapshotCache(harness.repos)).toEqual(before);
  });
});
