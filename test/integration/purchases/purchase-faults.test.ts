import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc/models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, setFaults } from './support/sandbox-client';
import { CLIENT, eventually, openWorld, type World } from './support/purchase-world';

let world: World | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
  cleanupTempDirs();
});

async function expectCacheMatchesSandbox(w: World): Promise<void> {
  const books = await clientBooks(w.sandbox, CLIENT);
  const cached = await w.client(CLIENT);
  expect(cached.balance).toEqual({
    total: books.balance.total,
    plan: books.balance.plan,
    topUp: books.balance.top_up,
  });
}

describe('purchases under billing API faults', () => {
  it('retries HTTP 500s with the same key and charges once', async () => {
    world = await openWorld();
    await setFaults(world.sandbox, { fail_next: { route: 'createTopUp', count: 2 } });

    const purchase = await world.start(CLIENT, 'pack_5k');

    expect(purchase.state).toBe('succeeded');
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
    await expectCacheMatchesSandbox(world);
  });

  it('replays a charge whose answer was dropped, instead of charging again', async () => {
    world = await openWorld();
    await setFaults(world.sandbox, { drop_next: { route: 'createTopUp', count: 1 } });

    const purchase = await world.start(CLIENT, 'pack_10k');

    expect(purchase).toMatchObject({ state: 'succeeded', tokens: 10_000 });
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
    await expectCacheMatchesSandbox(world);
  });

  it('keeps an unconfirmed charge processing (never failed), then confirms it once the API answers', async () => {
    world = await openWorld();
    await setFaults(world.sandbox, { drop_next: { route: 'createTopUp', count: 3 } });

    const unconfirmed = await world.start(CLIENT, 'pack_5k');

    expect(unconfirmed.state).toBe('processing');
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toHaveLength(1);
    const cancel = await world.refusal('purchases.cancel', { purchaseId: unconfirmed.id });
    expect(cancel.kind).toBe('conflict');
    expect(cancel.message).toContain('cannot be canceled now');

    await world.invoke('sync.now');
    await eventually(async () => (await world?.invoke('purchases.active', { clientId: CLIENT })) === null);

    const settled = await world.invoke<Purchase>('purchases.get', { purchaseId: unconfirmed.id });
    expect(settled.state).toBe('succeeded');
    const notices = await world.invoke<Notice[]>('notices.list');
    expect(notices.map((n) => n.message)).toContain(
      'Top up for Atlas Fitness Studios: 5,000 tokens added once the billing service could be reached.',
    );
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
    await eventually(async () => {
      const books = await clientBooks((world as World).sandbox, CLIENT);
      return (await (world as World).client(CLIENT)).balance.total === books.balance.total;
    });
  });

  it('answers a refused request (HTTP 4xx) with a failure that says nothing was charged', async () => {
    world = await openWorld();
    world.withCache((repos) =>
      repos.packs.replaceAll([{ id: 'pack_gone', tokens: 1, price: { amount: 1, currency: 'USD' } }]),
    );

    const refused = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_gone',
      expectedPrice: { amount: 1, currency: 'USD' },
    });

    expect(refused).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('No charge was made.'),
    });
    expect(await world.invoke('purchases.active', { clientId: CLIENT })).toBeNull();
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toEqual([]);
  });
});
