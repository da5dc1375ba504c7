import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/ipc/contract';
import type { UpdateStatus } from '../../../shared/ipc/update-models';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import type { UpdatePort } from '../../../electron/core/updates/update-port';
import { describeReadyUpdate } from '../../../renderer/src/features/updates/describe-update';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(updates?: UpdatePort): Promise<AppRuntime> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'abc-updates-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const runtime = await startAppRuntime({
    // A remote backend with no saved credentials: the core starts signed out and never touches the network.
    env: { APP_DATA_DIR: dataDir, BILLING_API_URL: 'http://127.0.0.1:9' },
    defaultDataDir: dataDir,
    version: '1.0.0',
    secretStore: new MemorySecretStore(),
    logger: silent,
    updates,
  });
  cleanups.push(() => runtime.stop());
  return runtime;
}

/** The port as the Electron main process provides it, with the status under the test's control. */
function fakeUpdates() {
  const listeners = new Set<(status: UpdateStatus) => void>();
  let current: UpdateStatus = { state: 'idle', version: null, progress: null };
  let restarts = 0;
  const port: UpdatePort = {
    status: () => current,
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restart: () => {
      restarts += 1;
    },
  };
  return {
    port,
    restarts: () => restarts,
    set(next: UpdateStatus) {
      current = next;
      for (const listener of listeners) listener(next);
    },
  };
}

describe('update channels in the app core', () => {
  it('reports unsupported and refuses a restart where the host has no updater (web host)', async () => {
    const runtime = await start();
    expect(await runtime.invoke('update.status', {})).toEqual({
      ok: true,
      value: { state: 'unsupported', version: null, progress: null },
    });
    expect(await runtime.invoke('update.restart', {})).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
  });

  it("serves the updater's status, pushes its changes to windows and restarts on request", async () => {
    const updates = fakeUpdates();
    const runtime = await start(updates.port);
    const pushed: Array<EventPayload<'update.status'>> = [];
    runtime.events.on('update.status', (status) => pushed.push(status));

    const ready: UpdateStatus = { state: 'ready', version: '1.1.0', progress: 100 };
    updates.set({ state: 'downloading', version: '1.1.0', progress: 42 });
    updates.set(ready);
    expect(pushed.map((status) => status.state)).toEqual(['downloading', 'ready']);
    expect(await runtime.invoke('update.status', {})).toEqual({ ok: true, value: ready });
    expect(describeReadyUpdate(pushed.at(-1))).toBe('Update 1.1.0 is ready');

    expect(await runtime.invoke('update.restart', {})).toEqual({ ok: true, value: ready });
    expect(updates.restarts()).toBe(1);
  });

  it('rejects unexpected input on the update channels', async () => {
    const runtime = await start(fakeUpdates().port);
    expect(await runtime.invoke('update.restart', { force: true })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });
});

describe('update banner text', () => {
  it('says nothing until an update is ready', () => {
    for (const state of ['unsupported', 'idle', 'checking', 'available', 'downloading', 'error'] as const) {
      expect(describeReadyUpdate({ state, version: '1.1.0', progress: 10 })).toBeNull();
    }
    expect(describeReadyUpdate(undefined)).toBeNull();
    expect(describeReadyUpdate({ state: 'ready', version: null, progress: 100 })).toBe('An update is ready');
  });
});
