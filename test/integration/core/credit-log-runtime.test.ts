import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerPageResult, Provenance } from '../../../shared/ipc/ledger-models';
import type { ClientSummary, SyncStatus } from '../../../shared/ipc/models';
import { startSandbox } from '../../../sandbox/server';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const cleanups: (() => Promise<void>)[] = [];
const NOW = () => new Date('2026-06-15T12:00:00.000Z');

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  cleanupTempDirs();
});

async function start(env: Record<string, string>): Promise<AppRuntime> {
  const runtime = await startAppRuntime({
    env,
    defaultDataDir: makeTempDir(),
    version: '1.0.0',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
    offlineRetryMs: { min: 50, max: 200 },
  });
  cleanups.push(() => runtime.stop());
  return runtime;
}

describe('credit log through the runtime', () => {
  it('derives every seeded client’s plan and top-up tokens from the cached ledger alone', async () => {
    const runtime = await start({ APP_DATA_DIR: makeTempDir(), SANDBOX_PORT: '0' });
    await waitForSync(runtime);
    const { items } = await call<{ items: ClientSummary[] }>(runtime, 'clients.list', {});
    expect(items.length).toBeGreaterThan(20);
    for (const client of items) {
      const provenance = await call<Provenance>(runtime, 'ledger.provenance', { clientId: client.id });
      const topUps = provenance.topUps.reduce((sum, bucket) => sum + bucket.tokensLeft, 0);
      expect({ id: client.id, plan: provenance.plan.tokensLeft, topUp: topUps }).toEqual({
        id: client.id,
        plan: client.balance.plan,
        topUp: client.balance.topUp,
      });
      expect(provenance.plan.expiresOn).toBe(client.renewalDate);
      for (const bucket of provenance.topUps) {
        expect(bucket.tokensLeft).toBeLessThanOrEqual(bucket.tokensBought);
        expect(bucket.invoiceNumber, bucket.topUpId).not.toBeNull();
      }
    }
  });

  it('browses offline from the cache and resumes syncing by itself when the API is back', async () => {
    const sandboxDir = makeTempDir();
    const first = await startSandbox({ dataDir: sandboxDir, now: NOW });
    const port = new URL(first.url).port;
    const runtime = await start({
      BILLING_API_URL: first.url,
      BILLING_API_TOKEN: first.token,
      APP_DATA_DIR: makeTempDir(),
    });
    const synced = await waitForSync(runtime);
    const { items } = await call<{ items: ClientSummary[] }>(runtime, 'clients.list', {});
    const clientId = items[0]?.id ?? '';
    const online = await call<LedgerPageResult>(runtime, 'ledger.page', {
      clientId,
      filter: { search: 'top' },
    });

    await first.close();
    await call(runtime, 'sync.now');
    const offline = await waitForSync(runtime, (s) => s.state === 'offline');
    expect(offline.lastSyncedAt).toBe(synced.lastSyncedAt);
    expect(await call(runtime, 'ledger.page', { clientId, filter: { search: 'top' } })).toEqual(online);

    const second = await startSandbox({
      dataDir: sandboxDir,
      now: NOW,
      port: Number(port),
      token: first.token,
    });
    cleanups.push(() => second.close());
    const recovered = await waitForSync(
      runtime,
      (s: SyncStatus) => s.state === 'idle' && s.lastSyncedAt !== synced.lastSyncedAt,
      10_000,
    );
    expect(recovered.error).toBeNull();
  });
});
