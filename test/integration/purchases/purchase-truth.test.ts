/**
 * The truth rule, one test per way the app used to say something false about
 * money: a purchase ends as "no charge" only when the billing API said so for
 * it, and every other doubt leaves it unsettled with the reason.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ClientList } from '../../../shared/api/billing-api';
import type { Catalog } from '../../../shared/ipc/models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { waitForSync } from '../core/support/runtime-helpers';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { CLIENT, cachedWorkspace, eventually, withCacheAt } from './support/purchase-world';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, sandboxCall, setFaults, setSavedCard, standIn } from './support/sandbox-client';
import { chargedButUnanswered, noticesIn, purchaseIn, saysNoCharge, Worlds } from './support/world-lifecycle';

const REQUIRES_3DS = '4000002760003184';
const worlds = new Worlds();

afterEach(async () => {
  await worlds.closeAll();
  cleanupTempDirs();
});

describe('a charged purchase is never reported as "no charge"', () => {
  it('keeps a lost-answer purchase unsettled when the app restarts with a revoked token, then settles it once', async () => {
    const first = await worlds.app(await worlds.sandbox());
    const bought = await chargedButUnanswered(first);

    const revoked = await worlds.restart(first, { token: 'revoked-token', synced: false });
    await eventually(
      async () => (await purchaseIn(revoked, bought.id))?.lastAnswer?.advice === 'Sign in again to check it.',
    );
    const waiting = await purchaseIn(revoked, bought.id);
    expect(waiting).toMatchObject({ state: 'processing', paymentError: null });
    expect(waiting?.lastAnswer?.detail).toContain('did not accept the API token');
    const told = await noticesIn(revoked);
    expect(told.map((n) => n.message)).toContainEqual(
      expect.stringContaining("we couldn't confirm this payment yet. Sign in again to check it."),
    );
    expect(told.some((n) => saysNoCharge(n.message))).toBe(false);

    const healthy = await worlds.restart(revoked);
    await eventually(async () => (await purchaseIn(healthy, bought.id))?.state === 'succeeded');
    expect(await purchaseIn(healthy, bought.id)).toMatchObject({ lastAnswer: null, tokens: 5_000 });
    expectOneToOne(await clientBooks(healthy.sandbox, CLIENT), 1);
  });

  it("leaves another backend's purchases alone and settles them once back on their own backend", async () => {
    const first = await worlds.app(await worlds.sandbox());
    const bought = await chargedButUnanswered(first);
    const other = await worlds.sandbox();

    await worlds.stop(first);
    const elsewhere = await worlds.app(other, { dataDir: first.dataDir });
    await elsewhere.invoke('sync.now');
    expect(await purchaseIn(elsewhere, bought.id)).toMatchObject({ state: 'processing', paymentError: null });
    expect((await clientBooks(other, CLIENT)).chargedTopUps).toEqual([]);
    expect(await elsewhere.invoke('purchases.active', { clientId: CLIENT })).toBeNull();

    await worlds.stop(elsewhere);
    const home = await worlds.app(first.sandbox, { dataDir: first.dataDir });
    await eventually(async () => (await purchaseIn(home, bought.id))?.state === 'succeeded');
    expectOneToOne(await clientBooks(first.sandbox, CLIENT), 1);
  });

  it('treats "idempotency key in use" on every attempt as unconfirmed, never as a refusal', async () => {
    const world = await worlds.app(await worlds.sandbox());
    await setFaults(world.sandbox, {
      answer_next: {
        route: 'createTopUp',
        count: 3,
        status: 409,
        body: {
          error: {
            type: 'conflict',
            message: 'A request with this Idempotency-Key is still in progress',
            code: 'idempotency_key_in_use',
          },
        },
        run: true,
      },
    });

    const purchase = await world.start(CLIENT, 'pack_5k');

    expect(purchase).toMatchObject({ state: 'processing', paymentError: null });
    expect(purchase.lastAnswer?.detail).toBe('The billing service is still working on this payment.');
    expect(await world.invoke<Purchase>('purchases.refresh', { purchaseId: purchase.id })).toMatchObject({
      state: 'succeeded',
      lastAnswer: null,
    });
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
  });

  it('says a purchase was refused with no charge only for the first request ever sent with its key', async () => {
    const world = await worlds.app(await worlds.sandbox());
    const catalog = await world.invoke<Catalog>('catalog.get');
    await setFaults(world.sandbox, {
      answer_next: { route: 'createTopUp', count: 1, status: 401, run: false },
    });

    const refused = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_5k',
      expectedPrice: catalog.packs.find((pack) => pack.id === 'pack_5k')?.price,
    });

    expect(refused.kind).toBe('unauthorized');
    expect(refused.message).toContain('No charge was made.');
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toEqual([]);
  });
});

describe('the credit log as a second witness', () => {
  it('settles a 3-D Secure purchase paid elsewhere from the synced credit log when the API cannot be asked', async () => {
    const first = await worlds.app(await worlds.sandbox());
    await setSavedCard(first.sandbox, REQUIRES_3DS);
    const waiting = await first.start(CLIENT, 'pack_5k');
    expect(waiting.state).toBe('requires_action');
    await standIn(first.sandbox, 'payment_intents/authenticate', {
      client_secret: waiting.clientSecret,
      result: 'complete',
    });
    await first.invoke('sync.now');
    await waitForSync(first.runtime);

    const revoked = await worlds.restart(first, { token: 'revoked-token', synced: false });
    await eventually(async () => (await purchaseIn(revoked, waiting.id))?.state === 'succeeded');

    expect(await purchaseIn(revoked, waiting.id)).toMatchObject({
      topUpId: waiting.topUpId,
      invoiceId: expect.any(String),
      lastAnswer: null,
    });
    expectOneToOne(await clientBooks(revoked.sandbox, CLIENT), 1);
  });
});

describe('reconciliation never overwrites a newer state', () => {
  it('leaves a purchase the manager joined and paid while a slow reconciliation ran as paid', async () => {
    const first = await worlds.app(await worlds.sandbox());
    const older = await chargedButUnanswered(first);
    await worlds.stop(first);
    // A second client's purchase recorded, never sent: the app was closed right after Confirm.
    const clients = await sandboxCall(first.sandbox, 'GET', '/v1/clients?limit=5', undefined, ClientList);
    const other = clients.data.find((client) => client.id !== CLIENT);
    if (!other) throw new Error('the seeded agency has a single client');
    const second = other.id;
    const pending = withCacheAt(first.dataDir, (repos) => {
      const pack = repos.packs.list().find((candidate) => candidate.id === 'pack_1k');
      if (!pack) throw new Error('pack_1k is not cached');
      return repos.purchases.insertPending({
        id: 'pur_left_pending',
        workspace: cachedWorkspace(repos),
        clientId: second,
        clientName: other.name,
        packId: pack.id,
        tokens: pack.tokens,
        amount: pack.price,
        idempotencyKey: 'key-left-pending',
        card: null,
      });
    });
    expect(pending.createdAt > older.createdAt).toBe(true);
    // Every request is slow: settling the older purchase takes several, the manager's join takes one.
    await setFaults(first.sandbox, { latency_ms: 400 });

    const again = await worlds.app(first.sandbox, { dataDir: first.dataDir, synced: false });
    const joined = await again.start(second, 'pack_1k');
    expect(joined.state).toBe('succeeded');
    await eventually(async () => (await purchaseIn(again, older.id))?.state === 'succeeded', 20_000);
    await setFaults(again.sandbox, { clear: true });

    expect(await purchaseIn(again, pending.id)).toMatchObject({ state: 'succeeded', paymentError: null });
    expect((await noticesIn(again)).some((n) => saysNoCharge(n.message))).toBe(false);
    expectOneToOne(await clientBooks(again.sandbox, second), 1);
    expectOneToOne(await clientBooks(again.sandbox, CLIENT), 1);
  });
});
