import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, Client, ClientList } from '../../../shared/api/billing-api';
import type { SandboxHandle } from '../../../sandbox/server';
import { call, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const list = await getParsed(sandbox, '/v1/clients?limit=1', ClientList);
  client = list.data[0] as Client;
});
afterAll(() => sandbox.close());

function expectError(response: { status: number; body: unknown }, status: number, type: string): string {
  expect(response.status).toBe(status);
  const body = ApiErrorBody.parse(response.body);
  expect(body.error.type).toBe(type);
  return body.error.message;
}

describe('sandbox authentication', () => {
  it('binds to the loopback interface', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 401 with a typed body when the token is missing or wrong', async () => {
    const missing = await call(sandbox, 'GET', '/v1/me', { token: null });
    expect(expectError(missing, 401, 'unauthorized')).toContain('Bearer');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectError(await call(sandbox, 'GET', '/v1/clients', { token: 'not-the-token' }), 401, 'unauthorized');
    expectError(await call(sandbox, 'GET', '/v1/unknown', { token: null }), 401, 'unauthorized');
  });

  it('refuses requests whose Host is not the loopback server (DNS rebinding)', async () => {
    const port = new URL(sandbox.url).port;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/me',
          headers: { Host: `evil.example:${port}`, Authorization: 'Bearer sandbox' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('sandbox request validation', () => {
  it('answers 404 for unknown routes and clients, 405 for a wrong method', async () => {
    expectError(await call(sandbox, 'GET', '/v1/nope'), 404, 'not_found');
    expect(expectError(await call(sandbox, 'GET', '/v1/clients/cl_missing'), 404, 'not_found')).toContain(
      'cl_missing',
    );
    expectError(await call(sandbox, 'GET', '/v1/clients/cl_missing/ledger'), 404, 'not_found');
    const wrongMethod = await call(sandbox, 'POST', '/v1/me', { body: {} });
    expectError(wrongMethod, 405, 'invalid_request');
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('rejects bad query parameters with a message naming the parameter', async () => {
    expect(expectError(await call(sandbox, 'GET', '/v1/clients?limit=0'), 400, 'invalid_request')).toContain(
      'limit',
    );
    expect(
      expectError(await call(sandbox, 'GET', '/v1/clients?colour=red'), 400, 'invalid_request'),
    ).toContain('colour');
    expectError(await call(sandbox, 'GET', '/v1/clients?updated_since=yesterday'), 400, 'invalid_request');
    expectError(await call(sandbox, 'GET', '/v1/clients?cursor=garbage'), 400, 'invalid_request');
    expectError(await call(sandbox, 'GET', '/v1/me?x=1'), 400, 'invalid_request');
    expectError(
      await call(sandbox, 'GET', `/v1/clients/${client.id}/ledger?after_seq=-1`),
      400,
      'invalid_request',
    );
    expectError(await call(sandbox, 'GET', '/v1/clients?limit=5&limit=6'), 400, 'invalid_request');
  });

  it('rejects an invalid auto reload update and changes nothing', async () => {
    const path = `/v1/clients/${client.id}/auto-reload`;
    const cases: Array<{ body: unknown; mentions: string }> = [
      { body: { enabled: true, threshold: 'lots', pack_id: 'pack_5k' }, mentions: 'threshold' },
      { body: { enabled: true, threshold: 500 }, mentions: 'pack_id' },
      { body: { enabled: true, threshold: 500, pack_id: 'pack_5k', extra: 1 }, mentions: 'extra' },
      { body: { enabled: true, threshold: 500, pack_id: 'pack_nope' }, mentions: 'pack_nope' },
      { body: { enabled: true, threshold: 500, pack_id: null }, mentions: 'pack_id' },
    ];
    for (const { body, mentions } of cases) {
      expect(expectError(await call(sandbox, 'PUT', path, { body }), 400, 'invalid_request')).toContain(
        mentions,
      );
    }
    const notJson = await fetch(`${sandbox.url}${path}`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer sandbox', 'Content-Type': 'application/json' },
      body: '{"enabled":',
    });
    expect(notJson.status).toBe(400);
    const wrongType = await call(sandbox, 'PUT', path, {
      body: { enabled: false, threshold: 0, pack_id: null },
      contentType: 'text/plain',
    });
    expectError(wrongType, 415, 'invalid_request');
    const after = await getParsed(sandbox, `/v1/clients/${client.id}`, Client);
    expect(after).toEqual(client);
  });
});
