/**
 * Charge what was confirmed: the charge request carries the price the manager
 * saw, a different current price charges nothing, and the journal keeps what
 * the billing API actually charged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BillingApiClient } from '../../../electron/core/billing-api/billing-api-client';
import type { PurchaseRecord } from '../../../electron/core/db/journal/purchase-journal-repo';
import { fetchSuccess } from '../../../electron/core/purchases/purchase-requests';
import { ChargeList } from '../../../sandbox/http/control-schemas';
import { FaultsState } from '../../../sandbox/http/faults';
import type { Catalog } from '../../../shared/ipc/models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, sandboxCall, setFaults } from './support/sandbox-client';
import { CLIENT, eventually, openWorld, startTestSandbox, type World } from './support/purchase-world';

let world: World | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
  cleanupTempDirs();
});

async function cachedPrice(w: World, packId: string) {
  const catalog = await w.invoke<Catalog>('catalog.get');
  const price = catalog.packs.find((pack) => pack.id === packId)?.price;
  if (!price) throw new Error(`${packId} is not cached`);
  return price;
}

describe('the price the manager confirmed', () => {
  it('charges nothing when the pack costs something else now, shows the new price, and charges it once confirmed', async () => {
    world = await openWorld();
    const confirmed = await cachedPrice(world, 'pack_5k');
    const newPrice = { amount: confirmed.amount + 1_000, currency: confirmed.currency };
    await sandboxCall(world.sandbox, 'PUT', '/sandbox/packs/pack_5k/price', { amount: newPrice.amount });

    const refused = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_5k',
      expectedPrice: confirmed,
    });

    expect(refused.kind).toBe('conflict');
    expect(refused.message).toMatch(
      /^The price of this pack is now \$\d+\.\d\d \(you confirmed \$\d+\.\d\d\)\./,
    );
    expect(refused.message).toContain('No charge was made.');
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toEqual([]);
    expect(await world.invoke('purchases.active', { clientId: CLIENT })).toBeNull();
    const w = world;
    await eventually(async () => (await cachedPrice(w, 'pack_5k')).amount === newPrice.amount);

    const bought = await world.start(CLIENT, 'pack_5k');

    expect(bought).toMatchObject({ state: 'succeeded', amount: newPrice });
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
    const charges = await sandboxCall(world.sandbox, 'GET', '/sandbox/charges', undefined, ChargeList);
    expect(
      charges.data.filter((charge) => charge.client_id === CLIENT).map((charge) => charge.amount),
    ).toEqual([newPrice]);
  });

  it('refuses, writing nothing, when the confirmed price is not the cached one', async () => {
    world = await openWorld();
    const cached = await cachedPrice(world, 'pack_5k');

    const refused = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_5k',
      expectedPrice: { amount: cached.amount - 1, currency: cached.currency },
    });

    expect(refused).toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('No charge was made.'),
    });
    expect(world.eventsOf('purchases.changed')).toEqual([]);
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toEqual([]);
  });

  it('keeps the amount the billing API charged in the journal', async () => {
    world = await openWorld();
    const purchase = await world.start(CLIENT, 'pack_10k');
    const charges = await sandboxCall(world.sandbox, 'GET', '/sandbox/charges', undefined, ChargeList);
    const stored = await world.invoke<Purchase>('purchases.get', { purchaseId: purchase.id });
    expect(stored.amount).toEqual(charges.data.find((charge) => charge.client_id === CLIENT)?.amount);
  });
});

describe('paging the ledger for a purchase', () => {
  it('stops when a page does not move past the last seq, instead of asking forever', async () => {
    const sandbox = await startTestSandbox();
    try {
      const api = new BillingApiClient({ baseUrl: sandbox.url, token: sandbox.token });
      const page = await api.listLedger(CLIENT, { after_seq: 0, limit: 3 });
      await setFaults(sandbox, {
        answer_next: {
          route: 'listLedger',
          count: 100,
          status: 200,
          body: { data: page.data, next_cursor: 'more' },
          run: false,
        },
      });
      const record = { clientId: CLIENT } as PurchaseRecord;
      const topUp = { ledger_entry_id: 'le_never_listed' } as Parameters<typeof fetchSuccess>[2];

      const fetched = await fetchSuccess(api, record, topUp, 0, false);

      expect(fetched.entries).toEqual([...page.data, ...page.data]);
      const faults = await sandboxCall(sandbox, 'GET', '/sandbox/faults', undefined, FaultsState);
      expect(faults.answer_next.listLedger?.count).toBe(98);
    } finally {
      await sandbox.close();
    }
  });
});
