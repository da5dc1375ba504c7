import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Account,
  AppInfo,
  Catalog,
  ClientDetail,
  ClientSummary,
  Notice,
} from '../../../shared/ipc/models';
import { CACHE_REBUILT_MESSAGE, startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const running: AppRuntime[] = [];

async function start(dataDir: string, packaged = false): Promise<AppRuntime> {
  const runtime = await startAppRuntime({
    env: { APP_DATA_DIR: dataDir, SANDBOX_PORT: '0' },
    defaultDataDir: path.join(dataDir, 'unused-default'),
    version: '9.9.9-test',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
    packaged,
  });
  running.push(runtime);
  return runtime;
}

afterEach(async () => {
  for (const runtime of running.splice(0)) await runtime.stop();
  cleanupTempDirs();
});

type ClientList = { items: ClientSummary[]; total: number };

describe('startAppRuntime in sandbox mode', () => {
  it('embeds the sandbox, signs in to it and serves the synced clients from the cache', async () => {
    const dataDir = makeTempDir();
    const runtime = await start(dataDir);

    expect(runtime.sandbox?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await waitForSync(runtime);

    const info = await call<AppInfo>(runtime, 'app.info');
    expect(info).toMatchObject({ version: '9.9.9-test', signedIn: true, demo: true });
    expect(info.workspace).toMatchObject({
      agencyName: 'Brightline Digital',
      demo: true,
      apiUrl: runtime.sandbox?.url,
    });

    const clients = await call<ClientList>(runtime, 'clients.list', {});
    expect(clients.items.length).toBeGreaterThanOrEqual(20);
    expect(clients.total).toBe(clients.items.length);
    const names = clients.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    const first = clients.items[0];
    if (!first) throw new Error('no clients');
    const detail = await call<ClientDetail>(runtime, 'clients.get', { clientId: first.id });
    expect(detail).toMatchObject({ id: first.id, name: first.name, balance: first.balance });
    expect(await call(runtime, 'clients.get', { clientId: 'cl_does_not_exist' })).toBeNull();

    const account = await call<Account>(runtime, 'account.get');
    expect(account.agencyName).toBe('Brightline Digital');
    const catalog = await call<Catalog>(runtime, 'catalog.get');
    expect(catalog.packs.length).toBeGreaterThan(0);
    expect(catalog.plans.map((p) => p.tier)).toHaveLength(3);
    expect(await call<Notice[]>(runtime, 'notices.list')).toEqual([]);

    expect(fs.existsSync(path.join(dataDir, 'cache.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'sandbox'))).toBe(true);
  });

  it('answers from the cache at once on the next start, before any sync', async () => {
    const dataDir = makeTempDir();
    const first = await start(dataDir);
    await waitForSync(first);
    const synced = await call<ClientList>(first, 'clients.list', { sort: 'balance', direction: 'desc' });
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await start(dataDir);
    const immediately = await call<ClientList>(second, 'clients.list', {
      sort: 'balance',
      direction: 'desc',
    });
    expect(immediately.items.map((c) => c.id)).toEqual(synced.items.map((c) => c.id));
  });

  it('rebuilds a damaged cache from the sandbox and tells the user', async () => {
    const dataDir = makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'cache.sqlite'), Buffer.alloc(8192, 0x5a));

    const runtime = await start(dataDir);
    const notices = await call<Notice[]>(runtime, 'notices.list');
    expect(notices).toEqual([expect.objectContaining({ level: 'warning', message: CACHE_REBUILT_MESSAGE })]);
    expect(CACHE_REBUILT_MESSAGE).toMatch(
      /^The local cache was damaged and has been set aside; it is being rebuilt from the billing service/,
    );
    expect(CACHE_REBUILT_MESSAGE).not.toMatch(/nothing was lost/i);
    expect(fs.readdirSync(dataDir).some((name) => /^cache\.corrupt-.*\.sqlite$/.test(name))).toBe(true);

    await waitForSync(runtime);
    expect((await call<ClientList>(runtime, 'clients.list')).total).toBeGreaterThanOrEqual(20);

    const [notice] = notices;
    expect(await call<Notice[]>(runtime, 'notices.dismiss', { id: notice?.id })).toEqual([]);
    expect(await call<Notice[]>(runtime, 'notices.list')).toEqual([]);
  });

  it('in an installed build serves demo payments but no test controls, behind a random token', async () => {
    const runtime = await start(makeTempDir(), true);
    const sandbox = runtime.sandbox;
    if (!sandbox) throw new Error('demo mode runs the embedded sandbox');
    expect(sandbox.token).not.toBe('sandbox');
    expect(sandbox.token.length).toBeGreaterThanOrEqual(40);
    const bearer = { authorization: `Bearer ${sandbox.token}` };

    const reset = await fetch(`${sandbox.url}/sandbox/reset`, { method: 'POST', headers: bearer });
    const withDefaultToken = await fetch(`${sandbox.url}/v1/me`, {
      headers: { authorization: 'Bearer sandbox' },
    });
    const standIn = await fetch(`${sandbox.url}/stripe/v3.js`);

    expect(reset.status).toBe(404);
    expect(withDefaultToken.status).toBe(401);
    expect(standIn.status).toBe(200);
    await waitForSync(runtime);
    expect((await call<ClientList>(runtime, 'clients.list')).total).toBeGreaterThanOrEqual(20);
  });
});
