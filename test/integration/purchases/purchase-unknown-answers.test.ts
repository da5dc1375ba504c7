/**
 * A newer billing API answers a top-up with values this version does not
 * know: the purchase is kept and decided safely, never reported as settled
 * or as "no charge" on a guess.
 */
import { afterEach, expect, it } from 'vitest';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import { cleanupTempDirs } from '../core/support/temp-dirs';
import { CLIENT } from './support/purchase-world';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks, setFaults } from './support/sandbox-client';
import { Worlds } from './support/world-lifecycle';

const worlds = new Worlds();

afterEach(async () => {
  await worlds.closeAll();
  cleanupTempDirs();
});

function newerAnswer(topUp: { status: string; next_action: { type: string } | null }) {
  return {
    top_up: {
      id: 'tu_from_a_newer_api',
      client_id: CLIENT,
      pack_id: 'pack_5k',
      tokens: 5_000,
      amount: { amount: 4_500, currency: 'USD' },
      client_secret: 'tu_from_a_newer_api_secret',
      last_payment_error: null,
      invoice_id: null,
      ledger_entry_id: null,
      created_at: '2026-06-15T12:00:00+02:00',
      captured_later: true,
      ...topUp,
    },
    balance: { total: 0, plan: 0, top_up: 0 },
    ledger_entry: null,
  };
}

/** The next top-up request is answered with `body`; `run` says whether the sandbox really made it first. */
function answerNextTopUp(world: { sandbox: Parameters<typeof setFaults>[0] }, body: unknown, run: boolean) {
  return setFaults(world.sandbox, {
    answer_next: { route: 'createTopUp', count: 1, status: 200, body, run },
  });
}

it('keeps a top-up in a status it does not know unsettled, then settles it once from what the billing API recorded', async () => {
  const world = await worlds.app(await worlds.sandbox());
  await answerNextTopUp(world, newerAnswer({ status: 'requires_capture', next_action: null }), true);

  const purchase = await world.start(CLIENT, 'pack_5k');

  expect(purchase).toMatchObject({ state: 'processing', paymentError: null });
  expect(purchase.lastAnswer?.detail).toContain('“requires_capture”');

  const settled = await world.invoke<Purchase>('purchases.refresh', { purchaseId: purchase.id });
  expect(settled).toMatchObject({ state: 'succeeded', lastAnswer: null });
  expectOneToOne(await clientBooks(world.sandbox, CLIENT), 1);
});

it('offers Checkout when the bank asks for a kind of step the app cannot take', async () => {
  const world = await worlds.app(await worlds.sandbox());
  const redirect = newerAnswer({ status: 'requires_action', next_action: { type: 'redirect_to_url' } });
  await answerNextTopUp(world, redirect, false);

  const purchase = await world.start(CLIENT, 'pack_5k');

  expect(purchase.state).toBe('requires_payment_method');
  expect(purchase.paymentError?.code).toBe('unsupported_next_action');
  expect(purchase.paymentError?.message).toContain('Finish the payment in Checkout');
});
