/** SyncEngine.syncClientFirst: one client ahead of the others, still one run at a time. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let sandbox: SandboxHandle;
let harness: CoreHarness;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  harness = openHarness(makeTempDir(), apiClient(sandbox.url, sandbox.token));
  await harness.engine.syncNow();
  harness.events.length = 0;
});

afterEach(async () => {
  await harness.close();
  await sandbox.close();
  cleanupTempDirs();
});

const runStarts = () =>
  harness.eventsOf('sync.status').filter((status) => status.state === 'syncing' && status.progress === null);

describe('SyncEngine.syncClientFirst', () => {
  it('runs for that client alone when idle, and a full sync asked meanwhile follows it', async () => {
    const [clientId] = harness.repos.clients.ids();
    if (!clientId) throw new Error('The seeded sandbox has no clients.');
    const lastSyncedAt = harness.repos.syncCursors.lastSyncedAt();

    harness.engine.syncClientFirst(clientId);
    const full = await harness.engine.syncNow();

    const totals = harness.eventsOf('sync.status').flatMap((status) => status.progress?.total ?? []);
    expect(totals[0], 'the first run syncs one client').toBe(1);
    expect(totals.at(-1), 'the full sync follows it').toBe(harness.repos.clients.count());
    expect(runStarts()).toHaveLength(2);
    expect(full.status).toMatchObject({ state: 'idle', error: null });
    expect(full.status.lastSyncedAt).not.toBe(lastSyncedAt);
  });

  it('starts nothing after the engine is stopped, even with a client still waiting', async () => {
    const ids = harness.repos.clients.ids();
    const running = harness.engine.syncNow();
    harness.engine.syncClientFirst(ids.at(-1) ?? '');
    await harness.engine.stop();
    await running;
    const statusesAtStop = harness.events.length;

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.events.slice(statusesAtStop)).toEqual([]);
    expect(harness.engine.status().state).not.toBe('syncing');
  });
});
