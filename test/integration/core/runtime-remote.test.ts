import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo, ClientSummary, SyncStatus } from '../../../shared/ipc/models';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { openCache } from '../../../electron/core/db/open-cache';
import { createRepositories } from '../../../electron/core/db/repositories';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { silentLogger } from './support/core-harness';
import { snapshotApi, snapshotCache, sortedById } from './support/api-snapshot';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  cleanupTempDirs();
});

async function sandboxAt(now: string): Promise<SandboxHandle> {
  const sandbox = await startSandbox({ now: () => new Date(now) });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

async function start(
  env: Record<string, string>,
  secretStore = new MemorySecretStore(),
): Promise<AppRuntime> {
  const runtime = await startAppRuntime({
    env,
    defaultDataDir: makeTempDir(),
    version: '1.0.0',
    secretStore,
    logger: silentLogger,
  });
  cleanups.push(() => runtime.stop());
  return runtime;
}

type ClientList = { items: ClientSummary[]; total: number };

describe('startAppRuntime against a remote billing API', () => {
  it('goes offline when the API is unreachable and keeps answering from the cache', async () => {
    const sandbox = await sandboxAt('2026-06-15T12:00:00.000Z');
    const runtime = await start({
      BILLING_API_URL: sandbox.url,
      BILLING_API_TOKEN: sandbox.token,
      APP_DATA_DIR: makeTempDir(),
    });
    const synced = await waitForSync(runtime);
    const before = await call<ClientList>(runtime, 'clients.list', { search: 'a' });
    expect(await call<AppInfo>(runtime, 'app.info')).toMatchObject({ signedIn: true, demo: false });

    await sandbox.close();
    await call(runtime, 'sync.now');
    const offline = await waitForSync(runtime, (s) => s.state === 'offline');

    expect(offline).toMatchObject({ lastSyncedAt: synced.lastSyncedAt, error: { kind: 'offline' } });
    expect(await call<ClientList>(runtime, 'clients.list', { search: 'a' })).toEqual(before);
  });

  it('stays signed out without a token, then signs in only with credentials the API accepts', async () => {
    const sandbox = await sandboxAt('2026-06-15T12:00:00.000Z');
    const secrets = new MemorySecretStore();
    const runtime = await start({ BILLING_API_URL: sandbox.url, APP_DATA_DIR: makeTempDir() }, secrets);

    expect(await call<AppInfo>(runtime, 'app.info')).toMatchObject({ signedIn: false, workspace: null });
    expect(await call<SyncStatus>(runtime, 'sync.status')).toMatchObject({ state: 'signed_out' });

    const refused = await runtime.invoke('session.signIn', { apiUrl: sandbox.url, token: 'wrong-token' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await secrets.load()).toBeNull();
    const inClear = await runtime.invoke('session.signIn', {
      apiUrl: 'http://billing.example.com',
      token: sandbox.token,
    });
    expect(inClear).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringContaining('must start with https://') },
    });
    expect(await secrets.load()).toBeNull();
    expect(await call<AppInfo>(runtime, 'app.info')).toMatchObject({ signedIn: false });

    const info = await call<AppInfo>(runtime, 'session.signIn', {
      apiUrl: sandbox.url,
      token: sandbox.token,
    });
    expect(info).toMatchObject({ signedIn: true, workspace: { agencyName: 'Brightline Digital' } });
    expect(await secrets.load()).toEqual({ apiUrl: sandbox.url, token: sandbox.token });
    await waitForSync(runtime);
    expect((await call<ClientList>(runtime, 'clients.list')).total).toBeGreaterThanOrEqual(20);

    expect(await call<AppInfo>(runtime, 'session.signOut')).toMatchObject({ signedIn: false });
    expect(await secrets.load()).toBeNull();
    expect(await call<SyncStatus>(runtime, 'sync.status')).toMatchObject({ state: 'signed_out' });
  });

  it('reuses saved credentials for the same API URL on the next start', async () => {
    const sandbox = await sandboxAt('2026-06-15T12:00:00.000Z');
    const secrets = new MemorySecretStore({ apiUrl: sandbox.url, token: sandbox.token });
    const runtime = await start({ BILLING_API_URL: sandbox.url, APP_DATA_DIR: makeTempDir() }, secrets);
    expect(await call<AppInfo>(runtime, 'app.info')).toMatchObject({ signedIn: true });
    await waitForSync(runtime);
  });

  it('forgets the previous backend’s data when signing in to a different API URL', async () => {
    const older = await sandboxAt('2026-03-01T12:00:00.000Z');
    const newer = await sandboxAt('2026-06-15T12:00:00.000Z');
    const dataDir = makeTempDir();
    const runtime = await startAppRuntime({
      env: { BILLING_API_URL: newer.url, BILLING_API_TOKEN: newer.token, APP_DATA_DIR: dataDir },
      defaultDataDir: dataDir,
      version: '1.0.0',
      secretStore: new MemorySecretStore(),
      logger: silentLogger,
    });
    try {
      await waitForSync(runtime);
      await call(runtime, 'session.signIn', { apiUrl: older.url, token: older.token });
      await waitForSync(runtime, (s) => s.state === 'idle' && s.lastSyncedAt !== null);
    } finally {
      await runtime.stop();
    }

    const { db } = openCache({ dataDir: path.join(dataDir) });
    try {
      expect(snapshotCache(createRepositories(db))).toEqual(
        sortedById(await snapshotApi(older.url, older.token)),
      );
    } finally {
      db.close();
    }
  });
});
