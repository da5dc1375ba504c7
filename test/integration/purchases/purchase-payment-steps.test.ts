import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/ipc/models';
import type { CheckoutStart, Purchase } from '../../../shared/ipc/purchase-models';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, setSavedCard, standIn } from './support/sandbox-client';
import { CLIENT, openWorld, type World } from './support/purchase-world';

const REQUIRES_3DS = '4000002760003184';
const INSUFFICIENT_FUNDS = '4000000000009995';
const EXPIRED = '4000000000000069';

let world: World | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
  cleanupTempDirs();
});

async function authenticate(w: World, purchase: Purchase, result: 'complete' | 'fail'): Promise<void> {
  await standIn(w.sandbox, 'payment_intents/authenticate', { client_secret: purchase.clientSecret, result });
}

describe('purchases that need the manager (3-D Secure, declines, cancel)', () => {
  it('completes after 3-D Secure: refresh applies the balance, the entry and the invoice id', async () => {
    world = await openWorld();
    await setSavedCard(world.sandbox, REQUIRES_3DS);
    const before = await world.client(CLIENT);
    const waiting = await world.start(CLIENT, 'pack_5k');
    expect(waiting).toMatchObject({
      state: 'requires_action',
      clientSecret: expect.stringMatching(/secret/),
    });
    expect((await world.client(CLIENT)).balance).toEqual(before.balance);

    await authenticate(world, waiting, 'complete');
    const paid = await world.invoke<Purchase>('purchases.refresh', { purchaseId: waiting.id });

    expect(paid).toMatchObject({ state: 'succeeded', clientSecret: null, invoiceId: expect.any(String) });
    expect((await world.client(CLIENT)).balance.total).toBe(before.balance.total + 5_000);
    const entries = world.withCache((repos) => repos.ledger.listForClient(CLIENT));
    expect(entries.filter((e) => e.top_up_id === paid.topUpId).map((e) => e.type)).toEqual(['top_up']);
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
  });

  it('reports a failed 3-D Secure in plain words, and canceling it charges nothing', async () => {
    world = await openWorld();
    await setSavedCard(world.sandbox, REQUIRES_3DS);
    const waiting = await world.start(CLIENT, 'pack_1k');

    await authenticate(world, waiting, 'fail');
    const failed = await world.invoke<Purchase>('purchases.refresh', { purchaseId: waiting.id });
    expect(failed).toMatchObject({
      state: 'requires_payment_method',
      paymentError: { message: 'The card authentication (3-D Secure) did not succeed.' },
    });

    const canceled = await world.invoke<Purchase>('purchases.cancel', { purchaseId: waiting.id });
    expect(canceled).toMatchObject({
      state: 'canceled',
      paymentError: { message: expect.stringContaining('no charge') },
    });
    expect(await world.invoke('purchases.cancel', { purchaseId: waiting.id })).toEqual(canceled);
    expect(await world.invoke('purchases.active', { clientId: CLIENT })).toBeNull();
    const books = await clientBooks(world.sandbox, CLIENT);
    expectOneToOne(books, 0);
    expect(books.failedCharges).toBe(0);
  });

  it.each([
    [INSUFFICIENT_FUNDS, 'Your card was declined: insufficient funds.'],
    [EXPIRED, 'Your card has expired.'],
  ])(
    'recovers a decline (%s) through Checkout, whose new card becomes the default at once',
    async (card, reason) => {
      world = await openWorld();
      await setSavedCard(world.sandbox, card);
      await world.invoke('sync.now');
      const declined = await world.start(CLIENT, 'pack_5k');
      expect(declined).toMatchObject({ state: 'requires_payment_method', paymentError: { message: reason } });

      const { clientSecret } = await world.invoke<CheckoutStart>('purchases.checkout', {
        purchaseId: declined.id,
      });
      const confirmed = await standIn(world.sandbox, 'checkout_sessions/confirm', {
        client_secret: clientSecret,
        card: { number: '5555555555554444', exp_month: 11, exp_year: 2031, cvc: '123' },
      });
      expect(confirmed).toEqual({ status: 'complete' });
      world.events.length = 0;
      const paid = await world.invoke<Purchase>('purchases.refresh', { purchaseId: declined.id });

      const newCard = { brand: 'Mastercard', last4: '4444', expMonth: 11, expYear: 2031 };
      expect(paid).toMatchObject({ state: 'succeeded', paymentError: null, card: newCard });
      expect((await world.invoke<Account>('account.get')).card).toEqual(newCard);
      expect(world.eventsOf('cache.changed')).toContainEqual({ scopes: ['account'] });
      const books = await clientBooks(world.sandbox, CLIENT);
      expectOneToOne(books, 1);
      expect(books.failedCharges).toBe(1);

      const next = await world.start('cl_northwind-dental-group', 'pack_1k');
      expect(next).toMatchObject({ state: 'succeeded', card: newCard });
    },
  );

  it('refuses Checkout for a purchase with nothing left to pay', async () => {
    world = await openWorld();
    const paid = await world.start(CLIENT, 'pack_1k');
    const refused = await world.refusal('purchases.checkout', { purchaseId: paid.id });
    expect(refused.kind).toBe('conflict');
    const cancel = await world.refusal('purchases.cancel', { purchaseId: paid.id });
    expect(cancel).toMatchObject({ kind: 'conflict', message: expect.stringContaining('already been paid') });
  });

  it('treats a cancel that comes after the payment went through as the success it was', async () => {
    world = await openWorld();
    await setSavedCard(world.sandbox, REQUIRES_3DS);
    const waiting = await world.start(CLIENT, 'pack_5k');
    await authenticate(world, waiting, 'complete');

    const result = await world.invoke<Purchase>('purchases.cancel', { purchaseId: waiting.id });

    expect(result.state).toBe('succeeded');
    expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
  });
});
