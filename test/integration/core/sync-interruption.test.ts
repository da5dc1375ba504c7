import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replayFromStart } from '../../../shared/domain/ledger-replay';
import { LedgerFilter } from '../../../shared/ipc/ledger-models';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { apiClient, openHarness, type CoreHarness } from './support/core-harness';
import { snapshotApi, snapshotCache, sortedById, type ApiSnapshot } from './support/api-snapshot';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let sandbox: SandboxHandle;
let api: ApiSnapshot;
const PAGES = { clients: 5, ledger: 15 };

beforeEach(async () => {
  sandbox = await startSandbox({ latencyMs: 5, now: () => new Date('2026-06-15T12:00:00.000Z') });
  api = sortedById(await snapshotApi(sandbox.url, sandbox.token));
});

afterEach(async () => {
  await sandbox.close();
  cleanupTempDirs();
});

function ledgerCount(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'cache.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every client's stored ledger is an unbroken prefix of the API's, and its cursor points at the end of it. */
function expectConsistentPrefix(harness: CoreHarness): void {
  for (const clientId of harness.repos.clients.ids()) {
    const stored = harness.repos.ledger.listForClient(clientId);
    const expected = api.ledger[clientId] ?? [];
    expect(stored).toEqual(expected.slice(0, stored.length));
    expect(harness.repos.syncCursors.ledgerAfterSeq(clientId)).toBe(stored.at(-1)?.seq ?? 0);
  }
}

function spawnSyncChild(dataDir: string) {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'support', 'sync-child.ts'),
      dataDir,
      sandbox.url,
      sandbox.token,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

const totalEntries = () => Object.values(api.ledger).reduce((sum, entries) => sum + entries.length, 0);

describe('interrupted sync', () => {
  it('resumes after the engine is stopped between pages, with no gaps or duplicates', async () => {
    const dataDir = makeTempDir();
    const first = openHarness(dataDir, apiClient(sandbox.url, sandbox.token), { pageSizes: PAGES });
    const running = first.engine.syncNow();
    await waitUntil(() => first.repos.ledger.countForClient(first.repos.clients.ids()[3] ?? '') > 0);
    await first.engine.stop();
    const stopped = await running;
    expect(stopped.report).toBeNull();
    expect(stopped.status.state).toBe('idle');
    expectConsistentPrefix(first);
    expect(ledgerCount(dataDir)).toBeLessThan(totalEntries());
    await first.close();

    const second = openHarness(dataDir, apiClient(sandbox.url, sandbox.token));
    try {
      const result = await second.engine.syncNow();
      expect(result.status.state).toBe('idle');
      expect(snapshotCache(second.repos)).toEqual(api);
    } finally {
      await second.close();
    }
  });

  it('converges to the API after being killed at random moments, round after round', async () => {
    const dataDir = makeTempDir();
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let round = 0; round < 12; round++) {
      const child = spawnSyncChild(dataDir);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 150 + random() * 500));
      child.kill('SIGKILL');
      await exited;
    }
    const resumed = openHarness(dataDir, apiClient(sandbox.url, sandbox.token));
    try {
      expectConsistentPrefix(resumed);
      const result = await resumed.engine.syncNow();
      expect(result.status.state).toBe('idle');
      expect(snapshotCache(resumed.repos)).toEqual(api);
      for (const clientId of resumed.repos.clients.ids()) {
        const entries = resumed.repos.ledger.listForClient(clientId);
        expect(resumed.repos.ledgerReplay.current(clientId)).toEqual(replayFromStart(clientId, entries));
        const words = resumed.repos.creditLog.count(clientId, LedgerFilter.parse({ search: 'usage' }));
        const expected = entries.filter((e) => /\busage/i.test(e.description)).length;
        expect(words.matching).toBe(expected);
      }
    } finally {
      await resumed.close();
    }
  }, 60_000);

  it('resumes after the syncing process is killed outright', async () => {
    const dataDir = makeTempDir();
    const child = spawnSyncChild(dataDir);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await waitUntil(() => {
        try {
          return ledgerCount(dataDir) > 500;
        } catch {
          return false;
        }
      });
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(ledgerCount(dataDir)).toBeLessThan(totalEntries());

    const resumed = openHarness(dataDir, apiClient(sandbox.url, sandbox.token));
    try {
      expect(resumed.cache.recovery).toBeNull();
      expectConsistentPrefix(resumed);
      const result = await resumed.engine.syncNow();
      expect(result.status.state).toBe('idle');
      expect(snapshotCache(resumed.repos)).toEqual(api);
    } finally {
      await resumed.close();
    }
  });
});
