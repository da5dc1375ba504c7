import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { Notice } from '../../../shared/ipc/models';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let runtime: AppRuntime;
const secrets = new MemorySecretStore();

beforeAll(async () => {
  const dataDir = makeTempDir();
  // A damaged cache gives the runtime a notice to (not) dismiss.
  fs.writeFileSync(path.join(dataDir, 'cache.sqlite'), 'garbage');
  runtime = await startAppRuntime({
    env: { APP_DATA_DIR: dataDir, SANDBOX_PORT: '0' },
    defaultDataDir: dataDir,
    version: '1.0.0',
    secretStore: secrets,
    logger: silentLogger,
  });
  await waitForSync(runtime);
});

afterAll(async () => {
  await runtime.stop();
  cleanupTempDirs();
});

describe('runtime.invoke', () => {
  it('refuses an unknown channel with a validation error', async () => {
    expect(await runtime.invoke('clients.drop' as never, {})).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'Unknown channel: clients.drop' },
    });
  });

  it('names the field and the problem when input is invalid', async () => {
    const result = await runtime.invoke('clients.list', { sort: 'balance', direction: 'sideways' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (result.ok) throw new Error('expected failure');
    expect(result.error.message).toMatch(/^Invalid input for clients\.list: direction: /);

    const extra = await runtime.invoke('clients.list', { sort: 'name', drop: 'table' });
    expect(extra.ok ? '' : extra.error.message).toMatch(/drop/);
  });

  it('changes nothing when input is rejected', async () => {
    const notices = await call<Notice[]>(runtime, 'notices.list');
    expect(notices).toHaveLength(1);

    expect(await runtime.invoke('notices.dismiss', { id: '' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await runtime.invoke('notices.dismiss', { id: notices[0]?.id, extra: 1 })).toMatchObject({
      ok: false,
    });
    expect(await call<Notice[]>(runtime, 'notices.list')).toEqual(notices);

    expect(await runtime.invoke('session.signIn', { apiUrl: 'ftp://example.com', token: 'x' })).toMatchObject(
      {
        ok: false,
        error: { kind: 'validation' },
      },
    );
    expect(
      await runtime.invoke('session.signIn', { apiUrl: runtime.sandbox?.url, token: '   ' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await secrets.load()).toBeNull();
    expect(await call(runtime, 'app.info')).toMatchObject({ signedIn: true, demo: true });
  });

  it('applies the contract defaults to omitted input', async () => {
    const result = await call<{ items: unknown[]; total: number }>(runtime, 'clients.list', undefined);
    expect(result.items).toHaveLength(result.total);
  });
});

describe('dispatch', () => {
  const handlers = (overrides: Partial<Handlers>): Handlers => overrides as Handlers;

  it('passes typed AppErrors through and hides unexpected exceptions behind an internal error', async () => {
    const logged: string[] = [];
    const logger = { ...silentLogger, error: (message: string) => void logged.push(message) };
    const typed = handlers({
      'sync.now': async () => {
        throw new AppError('conflict', 'Already changed');
      },
    });
    expect(await dispatch(typed, 'sync.now', {}, logger)).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'Already changed' },
    });

    const broken = handlers({
      'sync.now': async () => {
        throw new TypeError('secret internals');
      },
    });
    const result = await dispatch(broken, 'sync.now', {}, logger);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Something went wrong in the app.' },
    });
    expect(logged).toEqual(['Handler for sync.now failed']);
  });

  it('never lets a reply outside the contract reach the caller', async () => {
    const wrong = handlers({ 'notices.list': async () => [{ id: 1 }] as never });
    expect(await dispatch(wrong, 'notices.list', {}, silentLogger)).toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
  });
});
