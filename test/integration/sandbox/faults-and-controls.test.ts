import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChargeList, Outbox } from '../../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../../sandbox/server';
import {
  clientIds,
  expectBooksBalanced,
  getClient,
  newKey,
  postJson,
  postTopUp,
  topUp,
} from './billing-fixture';
import { call, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let ids: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = await clientIds(sandbox);
});
afterAll(() => sandbox.close());

const client = (index: number): string => ids[index] ?? '';

describe('faults', () => {
  it('answers 500 to the next N requests of a route without doing them; a retry then succeeds once', async () => {
    const before = await getClient(sandbox, client(0));
    await postJson(sandbox, '/sandbox/faults', { fail_next: { route: 'createTopUp', count: 2 } });
    const key = newKey();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await postTopUp(sandbox, client(0), 'pack_1k', key);
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({ error: { type: 'server_error', code: 'injected_fault' } });
    }
    expect((await getClient(sandbox, client(0))).balance).toEqual(before.balance);
    expect((await postTopUp(sandbox, client(0), 'pack_1k', key)).status).toBe(200);
    expect((await getClient(sandbox, client(0))).balance.total).toBe(before.balance.total + 1_000);
  });

  it('adds latency to Billing API responses until cleared', async () => {
    await postJson(sandbox, '/sandbox/faults', { latency_ms: 150 });
    const started = performance.now();
    await call(sandbox, 'GET', '/v1/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const cleared = await postJson(sandbox, '/sandbox/faults', { clear: true });
    expect(cleared.body).toMatchObject({ latency_ms: 0, fail_next: {}, drop_next: {} });
  });

  it('refuses connections for a while, then serves again', async () => {
    await postJson(sandbox, '/sandbox/faults', { refuse_connections_seconds: 0.4 });
    await expect(
      fetch(`${sandbox.url}/v1/me`, { headers: { Authorization: 'Bearer sandbox' } }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
  });

  it('rejects an unknown route name or a bad count', async () => {
    const bad = await call(sandbox, 'POST', '/sandbox/faults', {
      body: { fail_next: { route: 'nope', count: 0 } },
    });
    expect(bad.status).toBe(400);
  });
});

describe('sandbox controls', () => {
  it('need the bearer token', async () => {
    expect((await call(sandbox, 'GET', '/sandbox/charges', { token: null })).status).toBe(401);
    expect((await call(sandbox, 'GET', '/sandbox/outbox', { token: 'wrong' })).status).toBe(401);
  });

  it('refuse a saved card that is not a card number', async () => {
    const response = await call(sandbox, 'PUT', '/sandbox/card', { body: { number: '4242424242424241' } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_card_number' } });
  });

  it('reset the store to the seeded state, emptying charges and the outbox', async () => {
    await topUp(sandbox, client(1), 'pack_1k');
    await expectBooksBalanced(sandbox);
    const seeded = await getClient(sandbox, client(2));
    await postJson(sandbox, '/sandbox/reset', {});
    expect(ChargeList.parse((await call(sandbox, 'GET', '/sandbox/charges')).body).data).toEqual([]);
    expect(Outbox.parse((await call(sandbox, 'GET', '/sandbox/outbox')).body).data).toEqual([]);
    expect((await getClient(sandbox, client(2))).balance).toEqual(seeded.balance);
  });

  it('do not exist when the sandbox runs without controls, nor does the Stripe.js stand-in', async () => {
    const plain = await startTestSandbox({ controls: false });
    try {
      expect((await call(plain, 'GET', '/sandbox/charges')).status).toBe(404);
      expect((await call(plain, 'GET', '/stripe/v3.js')).status).toBe(404);
      expect((await call(plain, 'GET', '/v1/me')).status).toBe(200);
    } finally {
      await plain.close();
    }
  });

  it('serve the Stripe.js stand-in script in sandbox mode', async () => {
    const response = await fetch(`${sandbox.url}/stripe/v3.js`);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toContain('window.Stripe = Stripe');
  });
});
