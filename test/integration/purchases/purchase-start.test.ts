import { afterEach, describe, expect, it } from 'vitest';
import type { Account, ClientDetail } from '../../../shared/ipc/models';
import type { LedgerPageResult } from '../../../shared/ipc/ledger-models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { waitForSync } from '../core/support/runtime-helpers';
import { replayFromStart } from '../../../shared/domain/ledger-replay';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, sandboxCall, setFaults, setSavedCard } from './support/sandbox-client';
import { CLIENT, eventually, openWorld, unfinishedPurchases, type World } from './support/purchase-world';

let world: World | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
  cleanupTempDirs();
});

describe('purchases.start', () => {
  it('charges the saved card once and shows the new balance and credit entry at once, before any sync', async () => {
    world = await openWorld();
    const before = await world.client(CLIENT);
    const account = await world.invoke<Account>('account.get');
    world.events.length = 0;

    const purchase = await world.start(CLIENT, 'pack_5k');

    expect(purchase).toMatchObject({
      state: 'succeeded',
      clientName: 'Atlas Fitness Studios',
      tokens: 5_000,
      amount: { amount: 6_500, currency: 'USD' },
      card: account.card,
      paymentError: null,
      clientSecret: null,
    });
    expect(purchase.invoiceId).not.toBeNull();
    const expected = {
      ...before.balance,
      total: before.balance.total + 5_000,
      topUp: before.balance.topUp + 5_000,
    };
    expect(purchase.balanceAfter).toEqual(expected);
    // The answer was written in the same transaction as the journal: visible before the follow-up sync.
    const firstClientsChange = world.events.findIndex((e) => e.event === 'cache.changed');
    const firstSync = world.events.findIndex((e) => e.event === 'sync.status');
    expect(firstClientsChange).toBeGreaterThanOrEqual(0);
    expect(firstSync === -1 || firstClientsChange < firstSync).toBe(true);
    expect((await world.client(CLIENT)).balance).toEqual(expected);
    const log = await world.invoke<LedgerPageResult>('ledger.page', { clientId: CLIENT, limit: 1 });
    expect(log.entries[0]).toMatchObject({ type: 'top_up', amount: 5_000, topUpId: purchase.topUpId });

    expect(world.eventsOf('purchases.changed').map((p) => p.state)).toEqual([
      'pending',
      'processing',
      'succeeded',
    ]);
    expect(world.eventsOf('cache.changed')[0]).toEqual({
      scopes: ['clients', 'ledger'],
      clientIds: [CLIENT],
    });
    // The invoice is not in the answer: the sync that follows the purchase brings it.
    await eventually(async () => {
      const { invoices } = await (world as World).invoke<{ invoices: { id: string }[] }>('invoices.list', {
        clientId: CLIENT,
      });
      return invoices.some((invoice) => invoice.id === purchase.invoiceId);
    });
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
    expect(await world.invoke('purchases.active', { clientId: CLIENT })).toBeNull();
    expect(await world.invoke('purchases.get', { purchaseId: purchase.id })).toEqual(purchase);
  });

  it('shows a top-up beyond entries not synced yet at once, and the next sync fills the gap', async () => {
    world = await openWorld();
    const cursor = world.withCache((repos) => repos.syncCursors.ledgerAfterSeq(CLIENT));
    await sandboxCall(world.sandbox, 'POST', '/sandbox/usage', {
      client_id: CLIENT,
      tokens: 300,
      description: 'Campaign report',
    });

    const purchase = await world.start(CLIENT, 'pack_1k');

    const cached = world.withCache((repos) => ({
      seqs: repos.ledger
        .listForClient(CLIENT)
        .filter((e) => e.seq > cursor)
        .map((e) => [e.seq, e.type]),
      cursor: repos.syncCursors.ledgerAfterSeq(CLIENT),
    }));
    expect(cached).toEqual({ seqs: [[cursor + 2, 'top_up']], cursor });
    const books = await clientBooks(world.sandbox, CLIENT);
    expect(purchase.balanceAfter?.total).toBe(books.balance.total);

    await eventually(() => world?.withCache((r) => r.syncCursors.ledgerAfterSeq(CLIENT)) === cursor + 2);
    world.withCache((repos) => {
      const entries = repos.ledger.listForClient(CLIENT);
      expect(entries.filter((e) => e.seq > cursor).map((e) => e.type)).toEqual(['usage', 'top_up']);
      expect(repos.ledgerReplay.current(CLIENT)).toEqual(replayFromStart(CLIENT, entries));
    });
  });

  it('charges once for a double submit: both calls get the same purchase', async () => {
    world = await openWorld();
    const [first, second] = await Promise.all([
      world.start(CLIENT, 'pack_1k'),
      world.start(CLIENT, 'pack_1k'),
    ]);
    expect(second).toEqual(first);
    expect(first.state).toBe('succeeded');
    const again = await world.start(CLIENT, 'pack_1k');
    expect(again.id).not.toBe(first.id);
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 2);
  });

  it('joins an open purchase for the same pack and refuses another pack, naming the one in progress', async () => {
    world = await openWorld();
    await setSavedCard(world.sandbox, '4000002760003184');
    const waiting = await world.start(CLIENT, 'pack_5k');
    expect(waiting).toMatchObject({ state: 'requires_action', clientSecret: expect.any(String) });

    expect(await world.start(CLIENT, 'pack_5k')).toEqual(waiting);
    const conflict = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_1k',
      expectedPrice: { amount: 1_500, currency: 'USD' },
    });
    expect(conflict.kind).toBe('conflict');
    expect(conflict.message).toContain('5,000 tokens for Atlas Fitness Studios is already in progress');
    expect(await world.invoke<Purchase>('purchases.active', { clientId: CLIENT })).toEqual(waiting);
    expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toEqual([]);
  });

  it('refuses while the billing API is known unreachable, writing nothing', async () => {
    world = await openWorld();
    const before = await world.client(CLIENT);
    await setFaults(world.sandbox, { refuse_connections_seconds: 3 });
    await world.invoke('sync.now');
    await waitForSync(world.runtime, (s) => s.state === 'offline');

    const refused = await world.refusal('purchases.start', {
      clientId: CLIENT,
      packId: 'pack_5k',
      expectedPrice: { amount: 1, currency: 'USD' },
    });

    expect(refused).toEqual({ kind: 'offline', message: 'Offline — purchases need a connection' });
    expect(world.withCache(unfinishedPurchases)).toEqual([]);
    expect(world.eventsOf('purchases.changed')).toEqual([]);
    expect(await world.client(CLIENT)).toEqual(before);
  });

  it('saves Auto Reload through the API and answers with the cached client', async () => {
    world = await openWorld();
    const detail = await world.invoke<ClientDetail>('autoReload.update', {
      clientId: CLIENT,
      settings: { enabled: true, packId: 'pack_10k', threshold: 2_000, monthlyLimit: 3 },
    });
    expect(detail.autoReload).toEqual({
      enabled: true,
      packId: 'pack_10k',
      threshold: 2_000,
      monthlyLimit: 3,
    });
    expect((await world.client(CLIENT)).autoReload).toEqual(detail.autoReload);
    expect(world.eventsOf('cache.changed').at(-1)).toEqual({ scopes: ['clients'], clientIds: [CLIENT] });

    const invalid = await world.refusal('autoReload.update', {
      clientId: CLIENT,
      settings: { enabled: true, packId: null, threshold: 2_000, monthlyLimit: null },
    });
    expect(invalid.kind).toBe('validation');
    expect((await world.client(CLIENT)).autoReload).toEqual(detail.autoReload);
  });

  it('gives Stripe.js the publishable key, and no stand-in script with a real backend', async () => {
    world = await openWorld();
    expect(await world.invoke('stripe.config')).toEqual({
      publishableKey: 'pk_test_sandbox',
      standInScriptUrl: null,
    });
  });
});
