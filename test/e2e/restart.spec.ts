/**
 * "Done when": killing the web host mid-sync and starting it again leaves a
 * cache that passes PRAGMA integrity_check and converges with the billing API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox } from '../../sandbox/server';
import { cachedClientIds, cachedLedgerSummaries, integrityCheck } from './support/cache-db';
import { listSandboxClients, sandboxLedgerSummary } from './support/sandbox-api';
import { assertRendererBuilt, launchWebHost, type WebHostProcess } from './support/web-host-process';
import { openWebHostSession } from './support/web-host-session';

/** Slow enough that a first sync of the seeded agency takes several seconds, leaving room to kill it. */
const SANDBOX_LATENCY_MS = 60;

test('a web host killed mid-sync restarts on a sound cache that converges with the billing API', async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  assertRendererBuilt();
  const root = mkdtempSync(join(tmpdir(), 'abc-restart-'));
  const dataDir = join(root, 'app');
  const cachePath = join(dataDir, 'cache.sqlite');
  const sandbox = await startSandbox({ dataDir: join(root, 'sandbox'), latencyMs: SANDBOX_LATENCY_MS });
  const env = { BILLING_API_URL: sandbox.url, BILLING_API_TOKEN: sandbox.token };
  const launched: WebHostProcess[] = [];
  const launch = async () => {
    const host = await launchWebHost({ dataDir, env });
    launched.push(host);
    return host;
  };

  try {
    const api = { url: sandbox.url, token: sandbox.token };
    const clients = await listSandboxClients(api);
    const first = await launch();
    const firstSession = await openWebHostSession(playwright, first);
    // Asking for a sync is harmless if the startup sync is already running; its reply never comes.
    firstSession.invoke('sync.now').catch(() => undefined);
    const interrupted = await firstSession.waitForSync(
      (status) =>
        status.state === 'syncing' &&
        status.progress !== null &&
        status.progress.done >= 2 &&
        status.progress.done < status.progress.total,
      60_000,
    );
    await first.kill();
    await firstSession.dispose();
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(interrupted.lastSyncedAt).toBeNull();
    expect(integrityCheck(cachePath)).toBe('ok');
    // The kill really landed mid-sync: some clients' credit logs were never fetched.
    expect(cachedLedgerSummaries(cachePath).size).toBeLessThan(clients.length);

    const restartedAt = Date.now();
    const second = await launch();
    const secondSession = await openWebHostSession(playwright, second);
    const synced = await secondSession.waitForSync(
      (status) =>
        status.state === 'idle' &&
        status.lastSyncedAt !== null &&
        Date.parse(status.lastSyncedAt) >= restartedAt - 1_000,
      120_000,
    );
    expect(synced.error).toBeNull();
    await secondSession.dispose();
    await second.stop();
    expect(second.child.exitCode, 'a clean SIGTERM shutdown').toBe(0);

    expect(integrityCheck(cachePath)).toBe('ok');
    expect(cachedClientIds(cachePath)).toEqual(clients.map((client) => client.id).toSorted());
    const cached = cachedLedgerSummaries(cachePath);
    for (const client of clients) {
      const expected = await sandboxLedgerSummary(api, client.id);
      expect(cached.get(client.id) ?? { count: 0, maxSeq: 0 }, client.name).toEqual(expected);
    }
  } finally {
    await Promise.all(launched.map((host) => host.kill()));
    await sandbox.close();
    rmSync(root, { recursive: true, force: true });
  }
});
