import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TopUp } from '../../../shared/api/payments-api';
import { ChargeList } from '../../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../../sandbox/server';
import { clientIds, getClient, setSavedCard, topUp } from './billing-fixture';
import { call, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let ids: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = await clientIds(sandbox);
});
afterAll(() => sandbox.close());

const cancel = (topUpId: string) => call(sandbox, 'POST', `/v1/top-ups/${topUpId}/cancel`);

describe('POST /v1/top-ups/:id/cancel', () => {
  it('cancels a top-up waiting for 3-D Secure without charging, again harmlessly, and it can no longer be paid', async () => {
    const clientId = ids[0] ?? '';
    await setSavedCard(sandbox, '4000002760003184');
    const before = await getClient(sandbox, clientId);
    const { top_up: waiting } = await topUp(sandbox, clientId, 'pack_5k');

    const first = await cancel(waiting.id);
    expect(first.status).toBe(200);
    expect(TopUp.parse(first.body)).toMatchObject({
      id: waiting.id,
      status: 'canceled',
      client_secret: null,
    });
    expect((await cancel(waiting.id)).body).toEqual(first.body);

    const authenticate = await call(sandbox, 'POST', '/stripe/v1/payment_intents/authenticate', {
      body: { client_secret: waiting.client_secret, result: 'complete' },
      token: null,
    });
    expect(authenticate.status).toBe(409);
    expect((await call(sandbox, 'POST', `/v1/top-ups/${waiting.id}/checkout-session`)).status).toBe(409);
    expect((await getClient(sandbox, clientId)).balance).toEqual(before.balance);
    const charges = await getParsed(sandbox, '/sandbox/charges', ChargeList);
    expect(charges.data.filter((charge) => charge.top_up_id === waiting.id)).toEqual([]);
  });

  it('cancels a declined top-up, so an open Checkout session cannot charge it afterwards', async () => {
    const clientId = ids[1] ?? '';
    await setSavedCard(sandbox, '4000000000009995');
    const { top_up: declined } = await topUp(sandbox, clientId, 'pack_1k');
    const session = (await call(sandbox, 'POST', `/v1/top-ups/${declined.id}/checkout-session`)).body as {
      client_secret: string;
    };
    expect((await cancel(declined.id)).status).toBe(200);

    const confirm = await call(sandbox, 'POST', '/stripe/v1/checkout_sessions/confirm', {
      body: {
        client_secret: session.client_secret,
        card: { number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' },
      },
      token: null,
    });
    expect(confirm.status).toBe(409);
    const charges = await getParsed(sandbox, '/sandbox/charges', ChargeList);
    expect(charges.data.filter((c) => c.top_up_id === declined.id && c.status === 'succeeded')).toEqual([]);
  });

  it('answers 409 for a top-up that already succeeded', async () => {
    await setSavedCard(sandbox, '4242424242424242');
    const { top_up: paid } = await topUp(sandbox, ids[2] ?? '', 'pack_1k');
    const refused = await cancel(paid.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: { type: 'conflict', code: 'payment_intent_unexpected_state' },
    });
  });
});
