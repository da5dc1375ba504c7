/**
 * Purchases the app cannot settle at once: a journal that outlives a corrupt
 * cache, answers it cannot read, and idempotency keys too old to replay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_REBUILT_MESSAGE } from '../../../electron/core/runtime/start-app-runtime';
import { ClockResponse } from '../../../sandbox/http/control-schemas';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { CLIENT, eventually, type World } from './support/purchase-world';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, sandboxCall, setFaults } from './support/sandbox-client';
import { chargedButUnanswered, noticesIn, purchaseIn, Worlds } from './support/world-lifecycle';

const worlds = new Worlds();

afterEach(async () => {
  await worlds.closeAll();
  cleanupTempDirs();
});

describe('the journal outlives the cache', () => {
  it('keeps an unsettled purchase through a corrupt cache and settles it once after the rebuild', async () => {
    const first = await worlds.app(await worlds.sandbox());
    const bought = await chargedButUnanswered(first);
    await worlds.stop(first);
    fs.writeFileSync(path.join(first.dataDir, 'cache.sqlite'), Buffer.from('not a database '.repeat(500)));

    const rebuilt = await worlds.app(first.sandbox, { dataDir: first.dataDir });
    await eventually(async () => (await purchaseIn(rebuilt, bought.id))?.state === 'succeeded');

    const told = (await noticesIn(rebuilt)).map((n) => n.message);
    expect(told).toContain(CACHE_REBUILT_MESSAGE);
    expect(told.some((message) => /nothing was lost/i.test(message))).toBe(false);
    expectOneToOne(await clientBooks(rebuilt.sandbox, CLIENT), 1);
  });
});

describe('a purchase the app cannot settle by itself', () => {
  it('goes to review with the evidence instead of staying processing, holds the slot, and settles on Check again', async () => {
    const world = await worlds.app(await worlds.sandbox());
    await setFaults(world.sandbox, {
      answer_next: {
        route: 'createTopUp',
        count: 3,
        status: 200,
        body: { top_up: { id: 'tu_new', status: 'under_review' }, balance: null, ledger_entry: null },
        run: true,
      },
    });

    const purchase = await world.start(CLIENT, 'pack_5k');

    expect(purchase.state).toBe('needs_review');
    expect(purchase.paymentError).toBeNull();
    expect(purchase.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(purchase.lastAnswer?.detail).toContain('cannot read that answer');
    expect(await world.invoke('purchases.active', { clientId: CLIENT })).toMatchObject({ id: purchase.id });
    const cancel = await world.refusal('purchases.cancel', { purchaseId: purchase.id });
    expect(cancel).toMatchObject({ kind: 'conflict', message: expect.stringContaining('needs review') });
    const other = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_1k',
      expectedPrice: { amount: 1_500, currency: 'USD' },
    });
    expect(other.kind).toBe('conflict');

    const settled = await world.invoke<Purchase>('purchases.refresh', { purchaseId: purchase.id });

    expect(settled).toMatchObject({ state: 'succeeded', lastAnswer: null });
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
  });
});

describe('idempotency keys older than the replay window', () => {
  const DAY_AND_AN_HOUR_MS = 25 * 60 * 60 * 1000;

  async function agedWorld(): Promise<{ world: World; age: () => Promise<void> }> {
    let offsetMs = 0;
    const world = await worlds.app(await worlds.sandbox(), { now: () => new Date(Date.now() + offsetMs) });
    return {
      world,
      async age() {
        offsetMs += DAY_AND_AN_HOUR_MS;
        const clock = await sandboxCall(world.sandbox, 'GET', '/sandbox/clock', undefined, ClockResponse);
        const to = new Date(Date.parse(clock.now) + DAY_AND_AN_HOUR_MS).toISOString();
        await sandboxCall(world.sandbox, 'POST', '/sandbox/clock/advance', { to });
      },
    };
  }

  it('settles an old charged purchase by lookup and never charges it again', async () => {
    const { world, age } = await agedWorld();
    const bought = await chargedButUnanswered(world);
    await age();

    const settled = await world.invoke<Purchase>('purchases.refresh', { purchaseId: bought.id });

    expect(settled).toMatchObject({ state: 'succeeded', tokens: 5_000 });
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
  });

  it('ends an old purchase that never reached the billing API as "no charge", without sending it', async () => {
    const { world, age } = await agedWorld();
    await setFaults(world.sandbox, { fail_next: { route: 'createTopUp', count: 3 } });
    const unsent = await world.start(CLIENT, 'pack_5k');
    expect(unsent.state).toBe('processing');
    await age();

    const settled = await world.invoke<Purchase>('purchases.refresh', { purchaseId: unsent.id });

    expect(settled).toMatchObject({ state: 'failed', paymentError: { code: 'not_charged' } });
    expect(settled.paymentError?.message).toContain('no charge was made');
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toEqual([]);
  });
});
