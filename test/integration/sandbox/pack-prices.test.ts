import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pack, PackList } from '../../../shared/api/billing-api';
import { PRICE_CHANGED } from '../../../shared/api/payments-api';
import type { SandboxHandle } from '../../../sandbox/server';
import {
  chargesOf,
  clientIds,
  getClient,
  newKey,
  postJson,
  postTopUp,
  topUp,
  topUpsByKey,
} from './billing-fixture';
import { call, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let ids: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = await clientIds(sandbox);
});
afterAll(() => sandbox.close());

const client = (index: number): string => ids[index] ?? '';

async function setPrice(packId: string, body: unknown): Promise<Pack> {
  const response = await call(sandbox, 'PUT', `/sandbox/packs/${packId}/price`, { body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return Pack.parse(response.body);
}

async function listedPack(packId: string): Promise<Pack | undefined> {
  return (await getParsed(sandbox, '/v1/packs', PackList)).data.find((pack) => pack.id === packId);
}

describe('PUT /sandbox/packs/:id/price', () => {
  it('changes what GET /v1/packs answers, keeping the currency unless given', async () => {
    const updated = await setPrice('pack_10k', { amount: 11_000 });
    expect(updated).toEqual({ id: 'pack_10k', tokens: 10_000, price: { amount: 11_000, currency: 'USD' } });
    expect(await listedPack('pack_10k')).toEqual(updated);
    await setPrice('pack_10k', { amount: 10_500, currency: 'EUR' });
    expect((await listedPack('pack_10k'))?.price).toEqual({ amount: 10_500, currency: 'EUR' });
  });

  it('refuses an unknown pack and a price that is not a positive amount', async () => {
    const missing = await call(sandbox, 'PUT', '/sandbox/packs/pack_nope/price', { body: { amount: 100 } });
    expect(missing.status).toBe(404);
    const zero = await call(sandbox, 'PUT', '/sandbox/packs/pack_1k/price', { body: { amount: 0 } });
    expect(zero.status).toBe(400);
    const currency = await call(sandbox, 'PUT', '/sandbox/packs/pack_1k/price', {
      body: { amount: 100, currency: 'usd' },
    });
    expect(currency.status).toBe(400);
    expect((await listedPack('pack_1k'))?.price).toEqual({ amount: 1_500, currency: 'USD' });
  });

  it('is undone by a reset', async () => {
    await setPrice('pack_25k', { amount: 30_000 });
    await postJson(sandbox, '/sandbox/reset', {});
    expect((await listedPack('pack_25k'))?.price).toEqual({ amount: 27_500, currency: 'USD' });
  });
});

describe('a top-up for the price the manager confirmed', () => {
  it('answers 409 price_changed with the current price and charges nothing when the price moved', async () => {
    await setPrice('pack_5k', { amount: 5_900 });
    const before = await getClient(sandbox, client(0));
    const key = newKey();
    const response = await postTopUp(sandbox, client(0), 'pack_5k', key, { amount: 4_900, currency: 'USD' });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: {
        type: 'conflict',
        code: PRICE_CHANGED,
        message:
          'The price of the 5,000-token pack is now $59.00 (you confirmed $49.00). Nothing was charged.',
        current_price: { amount: 5_900, currency: 'USD' },
      },
    });
    expect(await chargesOf(sandbox, client(0))).toEqual([]);
    expect((await getClient(sandbox, client(0))).balance).toEqual(before.balance);
    expect(await topUpsByKey(sandbox, key)).toEqual([]);

    // Nothing was stored under the key: confirming the new price with it charges, rather than a 409 for reuse.
    const confirmed = await topUp(sandbox, client(0), 'pack_5k', key, { amount: 5_900, currency: 'USD' });
    expect(confirmed.top_up).toMatchObject({
      status: 'succeeded',
      amount: { amount: 5_900, currency: 'USD' },
    });
    expect((await chargesOf(sandbox, client(0))).map((charge) => charge.amount)).toEqual([
      { amount: 5_900, currency: 'USD' },
    ]);
    expect((await topUpsByKey(sandbox, key)).map((found) => found.id)).toEqual([confirmed.top_up.id]);
  });

  it('refuses the same amount in another currency', async () => {
    const response = await postTopUp(sandbox, client(1), 'pack_1k', newKey(), {
      amount: 1_500,
      currency: 'EUR',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      error: { code: PRICE_CHANGED, current_price: { amount: 1_500, currency: 'USD' } },
    });
    expect(await chargesOf(sandbox, client(1))).toEqual([]);
  });

  it('charges the confirmed price when it is still current, and the current price when none is sent', async () => {
    const before = await getClient(sandbox, client(2));
    const confirmed = await topUp(sandbox, client(2), 'pack_1k', newKey(), {
      amount: 1_500,
      currency: 'USD',
    });
    expect(confirmed.top_up.status).toBe('succeeded');
    const unconfirmed = await topUp(sandbox, client(2), 'pack_1k');
    expect(unconfirmed.top_up.amount).toEqual({ amount: 1_500, currency: 'USD' });
    expect(await chargesOf(sandbox, client(2))).toHaveLength(2);
    expect((await getClient(sandbox, client(2))).balance.total).toBe(before.balance.total + 2_000);
  });
});
