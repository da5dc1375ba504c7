import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { BillingApiClient } from '../../../electron/core/billing-api/billing-api-client';
import { BillingApiError } from '../../../electron/core/billing-api/billing-api-error';
import { apiClient } from './support/core-harness';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

async function failure(promise: Promise<unknown>): Promise<BillingApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BillingApiError))
    throw new Error(`expected a BillingApiError, got ${String(error)}`);
  return error;
}

describe('BillingApiClient', () => {
  it('returns validated data for a good token', async () => {
    const me = await apiClient(sandbox.url, sandbox.token).getMe();
    expect(me.agency.name).toBe('Brightline Digital');
  });

  it('maps HTTP failures to the error kinds the UI explains', async () => {
    expect(await failure(apiClient(sandbox.url, 'wrong').getMe())).toMatchObject({
      kind: 'unauthorized',
      status: 401,
    });
    const api = apiClient(sandbox.url, sandbox.token);
    expect(await failure(api.getClient('cl_nobody'))).toMatchObject({ kind: 'not_found', status: 404 });
    const [client] = (await api.listClients({ limit: 1 })).data;
    if (!client) throw new Error('no clients');
    const refused = api.updateAutoReload(client.id, { enabled: true, threshold: 1, pack_id: null });
    expect(await failure(refused)).toMatchObject({ kind: 'validation', status: 400 });
  });

  it('reports an unreachable API as offline', async () => {
    const closed = await startSandbox();
    await closed.close();
    const error = await failure(apiClient(closed.url, closed.token, 1).getMe());
    expect(error.kind).toBe('offline');
    expect(error.message).toMatch(/Can't reach the billing service/);
  });

  it('retries a read after a 503 and times out a silent server as offline', async () => {
    let calls = 0;
    const flaky = http.createServer((req, res) => {
      calls++;
      // A server that accepts the request and never answers.
      if (req.url?.startsWith('/slow')) return;
      if (calls === 1) {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { type: 'server_error', message: 'warming up' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [], next_cursor: null }));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
    try {
      expect(await apiClient(url, 't', 2).listPacks()).toEqual({ data: [], next_cursor: null });
      expect(calls).toBe(2);

      const slow = new BillingApiClient({ baseUrl: `${url}/slow`, token: 't', timeoutMs: 200, retries: 0 });
      const timedOut = await failure(slow.getMe());
      expect(timedOut).toMatchObject({ kind: 'offline' });
      expect(timedOut.message).toMatch(/did not answer/);
    } finally {
      flaky.closeAllConnections();
      await new Promise<void>((resolve) => flaky.close(() => resolve()));
    }
  });
});
