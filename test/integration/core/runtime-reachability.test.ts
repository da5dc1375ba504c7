/**
 * "Synced just now" must not outlive an outage: any request that cannot reach
 * the billing API, or the visible window's quick check, says offline at once,
 * and the quick check also notices the return.
 */
import { afterEach, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/ipc/models';
import { startSandbox } from '../../../sandbox/server';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { setFaults } from '../purchases/support/sandbox-client';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

afterEach(cleanupTempDirs);

const CLIENT = 'cl_atlas-fitness-studios';

it('says offline as soon as a request fails or a quick check cannot reach the API, and back once it answers', async () => {
  const sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  const dataDir = makeTempDir();
  const runtime = await startAppRuntime({
    env: { BILLING_API_URL: sandbox.url, BILLING_API_TOKEN: sandbox.token, APP_DATA_DIR: dataDir },
    defaultDataDir: dataDir,
    version: '1.0.0',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
    // Long enough that only the requests under test can notice anything.
    syncIntervalMs: 600_000,
    offlineRetryMs: { min: 600_000, max: 600_000 },
  });
  try {
    await waitForSync(runtime);
    expect((await call<SyncStatus>(runtime, 'sync.probe')).state).toBe('idle');

    await setFaults(sandbox, { refuse_connections_seconds: 8 });
    const outageEnds = Date.now() + 8_000;
    const saved = await runtime.invoke('autoReload.update', {
      clientId: CLIENT,
      settings: { enabled: false, packId: null, threshold: 0, monthlyLimit: null },
    });
    expect(saved).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(await call<SyncStatus>(runtime, 'sync.status')).toMatchObject({
      state: 'offline',
      error: { kind: 'offline' },
    });
    expect((await call<SyncStatus>(runtime, 'sync.probe')).state).toBe('offline');
    // A retry during the outage keeps saying offline instead of flashing "Syncing…".
    const states: string[] = [];
    const stopListening = runtime.events.on('sync.status', (status) => states.push(status.state));
    await call(runtime, 'sync.now');
    await waitForSync(runtime, (s) => s.state === 'offline' && states.length > 0);
    stopListening();
    expect(states).not.toContain('syncing');

    await new Promise((resolve) => setTimeout(resolve, outageEnds - Date.now() + 500));
    const back = await call<SyncStatus>(runtime, 'sync.probe');
    expect(back).toMatchObject({ state: 'idle', error: null });
  } finally {
    await runtime.stop();
    await sandbox.close();
  }
});
