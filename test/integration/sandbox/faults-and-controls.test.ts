import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChargeList, Outbox } from '../../../sandbox/http/control-schemas';
import { FaultsState } from '../../../sandbox/http/faults';
import type { SandboxHandle } from '../../../sandbox/server';
import { IDEMPOTENCY_KEY_IN_USE } from '../../../shared/api/payments-api';
import {
  chargesOf,
  clientIds,
  expectBooksBalanced,
  getClient,
  newKey,
  postJson,
  postTopUp,
  topUp,
  topUpsByKey,
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

  it('answer_next with run: true charges and commits, then answers the injected body instead', async () => {
    const key = newKey();
    const before = await getClient(sandbox, client(3));
    const injected = { top_up: { id: 'tu_injected', status: 'under_review' } };
    await postJson(sandbox, '/sandbox/faults', {
      answer_next: { route: 'createTopUp', count: 1, status: 200, body: injected, run: true },
    });
    const answered = await postTopUp(sandbox, client(3), 'pack_1k', key);
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual(injected);
    const [charged] = await topUpsByKey(sandbox, key);
    expect(charged?.status).toBe('succeeded');
    expect((await chargesOf(sandbox, client(3))).map((charge) => charge.top_up_id)).toEqual([charged?.id]);
    expect((await getClient(sandbox, client(3))).balance.total).toBe(before.balance.total + 1_000);
    const retry = await postTopUp(sandbox, client(3), 'pack_1k', key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toMatchObject({ top_up: { id: charged?.id, status: 'succeeded' } });
  });

  it('answer_next with run: false does nothing and answers the status with an error body', async () => {
    const key = newKey();
    const before = await getClient(sandbox, client(4));
    const state = await postJson(sandbox, '/sandbox/faults', {
      answer_next: { route: 'createTopUp', count: 2, status: 401, run: false },
    });
    expect(state.body).toMatchObject({
      answer_next: { createTopUp: { count: 2, status: 401, run: false } },
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await postTopUp(sandbox, client(4), 'pack_1k', key);
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({ error: { type: 'unauthorized', code: 'injected_fault' } });
    }
    expect(FaultsState.parse((await call(sandbox, 'GET', '/sandbox/faults')).body).answer_next).toEqual({});
    expect(await chargesOf(sandbox, client(4))).toEqual([]);
    expect(await topUpsByKey(sandbox, key)).toEqual([]);
    expect((await getClient(sandbox, client(4))).balance).toEqual(before.balance);
    expect((await postTopUp(sandbox, client(4), 'pack_1k', key)).status).toBe(200);
    expect(await chargesOf(sandbox, client(4))).toHaveLength(1);
  });

  it('answer_next sends a given error body as is, e.g. 409 idempotency_key_in_use', async () => {
    const inUse = { error: { type: 'conflict', message: 'In use', code: IDEMPOTENCY_KEY_IN_USE } };
    await postJson(sandbox, '/sandbox/faults', {
      answer_next: { route: 'getTopUp', count: 1, status: 409, body: inUse, run: false },
    });
    const response = await call(sandbox, 'GET', '/v1/top-ups/tu_whatever');
    expect(response.status).toBe(409);
    expect(response.body).toEqual(inUse);
    expect((await call(sandbox, 'GET', '/v1/top-ups/tu_whatever')).status).toBe(404);
  });

  it('answer_next refuses a status that carries no body, and clear switches it off', async () => {
    const bad = await call(sandbox, 'POST', '/sandbox/faults', {
      body: { answer_next: { route: 'getMe', count: 1, status: 204, run: false } },
    });
    expect(bad.status).toBe(400);
    await postJson(sandbox, '/sandbox/faults', {
      answer_next: { route: 'getMe', count: 1, status: 503, run: false },
    });
    const cleared = await postJson(sandbox, '/sandbox/faults', { clear: true });
    expect(FaultsState.parse(cleared.body).answer_next).toEqual({});
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
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
