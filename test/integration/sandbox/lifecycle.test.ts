import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, ClientList, LedgerPage } from '../../../shared/api/billing-api';
import type { SandboxHandle } from '../../../sandbox/server';
import { call, FIXED_NOW, getParsed, removeDir, startTestSandbox, tempDir } from './sandbox-fixture';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(options: Parameters<typeof startTestSandbox>[0] = {}): Promise<SandboxHandle> {
  const sandbox = await startTestSandbox(options);
  cleanups.push(() => sandbox.close());
  return sandbox;
}

function ownedTempDir(): string {
  const dir = tempDir();
  cleanups.push(() => removeDir(dir));
  return dir;
}

async function snapshot(sandbox: SandboxHandle) {
  const clients = (await getParsed(sandbox, '/v1/clients?limit=500', ClientList)).data;
  const first = clients[0] as Client;
  const ledger = (await getParsed(sandbox, `/v1/clients/${first.id}/ledger?limit=1000`, LedgerPage)).data;
  return { clients, ledger };
}

describe('sandbox lifecycle', () => {
  it('starts quickly on a fresh data dir', async () => {
    const begin = performance.now();
    await started();
    expect(performance.now() - begin).toBeLessThan(2_000);
  });

  it('generates identical data for the same seed and clock, different data for another seed', async () => {
    const a = await snapshot(await started({ seed: 7 }));
    const b = await snapshot(await started({ seed: 7 }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const other = await snapshot(await started({ seed: 8 }));
    expect(other.clients.map((c) => c.id)).not.toEqual(a.clients.map((c) => c.id));
  });

  it('keeps its data, including auto reload changes, across a restart on the same data dir', async () => {
    const dataDir = ownedTempDir();
    const first = await startTestSandbox({ dataDir });
    const client = (await getParsed(first, '/v1/clients?limit=1', ClientList)).data[0] as Client;
    const update = await call(first, 'PUT', `/v1/clients/${client.id}/auto-reload`, {
      body: { enabled: true, threshold: 3_000, pack_id: 'pack_25k' },
    });
    expect(update.status).toBe(200);
    const before = await snapshot(first);
    await first.close();
    expect(fs.existsSync(dataDir)).toBe(true);

    // A later clock would seed different history; reopening must not reseed, only run the renewals that came due.
    const second = await started({ dataDir, now: () => new Date(FIXED_NOW.getTime() + 40 * 86_400_000) });
    const reopened = await getParsed(second, `/v1/clients/${client.id}`, Client);
    expect(reopened.auto_reload).toEqual({
      enabled: true,
      threshold: 3_000,
      pack_id: 'pack_25k',
      monthly_limit: null,
    });
    const after = await snapshot(second);
    expect(after.clients.map((c) => [c.id, c.name])).toEqual(before.clients.map((c) => [c.id, c.name]));
    expect(after.ledger.slice(0, before.ledger.length)).toEqual(before.ledger);
    const caughtUp = after.ledger.slice(before.ledger.length).map((entry) => entry.type);
    expect(caughtUp).toContain('plan_allocation');
    expect(caughtUp.every((type) => type === 'plan_expiry' || type === 'plan_allocation')).toBe(true);
  });

  it('removes the temp data dir it created when closed', async () => {
    const sandbox = await startTestSandbox();
    expect(fs.existsSync(sandbox.dataDir)).toBe(true);
    await sandbox.close();
    await sandbox.close();
    expect(fs.existsSync(sandbox.dataDir)).toBe(false);
  });

  it('delays responses by latencyMs and can be closed while a request is in flight', async () => {
    const sandbox = await startTestSandbox({ latencyMs: 150 });
    const begin = performance.now();
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
    expect(performance.now() - begin).toBeGreaterThanOrEqual(140);
    const pending = fetch(`${sandbox.url}/v1/packs`, { headers: { Authorization: 'Bearer sandbox' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await sandbox.close();
    await expect(pending).rejects.toThrow();
  });

  it('fails to start, leaving nothing behind, when the port is taken', async () => {
    const holder = await started();
    const port = Number(new URL(holder.url).port);
    await expect(startTestSandbox({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
