import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Me } from '../../../shared/api/billing-api';
import { CheckoutSession, TopUp } from '../../../shared/api/payments-api';
import { ChargeList } from '../../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../../sandbox/server';
import {
  clientIds,
  expectBooksBalanced,
  fullLedger,
  getClient,
  postJson,
  setSavedCard,
  topUp,
} from './billing-fixture';
import { call, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let ids: string[];
let next = 0;
/** A client no earlier test in this file has touched. */
const freshClient = (): string => {
  const id = ids[next];
  next += 1;
  if (!id) throw new Error('Ran out of seeded clients');
  return id;
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = await clientIds(sandbox);
});
afterEach(() => setSavedCard(sandbox, '4242424242424242'));
afterAll(() => sandbox.close());

async function checkoutSession(topUpId: string) {
  const response = await call(sandbox, 'POST', `/v1/top-ups/${topUpId}/checkout-session`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return CheckoutSession.parse(response.body);
}

const card = (number: string) => ({ number, exp_month: 12, exp_year: 2034, cvc: '123' });

describe('top-ups on the saved card', () => {
  it('succeeds with 4242: balance, top_up entry, paid invoice with lines and an email, in one go', async () => {
    const clientId = freshClient();
    const before = await getClient(sandbox, clientId);
    const result = await topUp(sandbox, clientId, 'pack_5k');
    expect(result.top_up).toMatchObject({ status: 'succeeded', tokens: 5_000, last_payment_error: null });
    expect(result.top_up.amount).toEqual({ amount: 6_500, currency: 'USD' });
    expect(result.balance.total).toBe(before.balance.total + 5_000);
    expect(result.balance.top_up).toBe(before.balance.top_up + 5_000);
    expect(result.balance.plan).toBe(before.balance.plan);
    expect(result.ledger_entry).toMatchObject({
      type: 'top_up',
      amount: 5_000,
      bucket: 'top_up',
      top_up_id: result.top_up.id,
      invoice_id: result.top_up.invoice_id,
      balance_after: result.balance.total,
    });
    const after = await getClient(sandbox, clientId);
    expect(after.plan).toEqual(before.plan);
    expect(after.renewal_date).toBe(before.renewal_date);
    const invoices = (await call(sandbox, 'GET', `/v1/clients/${clientId}/invoices?limit=1`)).body as {
      data: { id: string; number: string; status: string; lines: unknown[]; hosted_url: string }[];
    };
    const invoice = invoices.data[0];
    expect(invoice?.id).toBe(result.top_up.invoice_id);
    expect(invoice?.number).toMatch(/^[A-Z0-9]+-\d{4}$/);
    expect(invoice?.status).toBe('paid');
    expect(invoice?.lines).toEqual([
      {
        description: '5,000 token pack',
        quantity: 1,
        amount: { amount: 6_500, currency: 'USD' },
        unit_amount: { amount: 6_500, currency: 'USD' },
        pack_id: 'pack_5k',
        tokens: 5_000,
      },
    ]);
    const page = await fetch(invoice?.hosted_url ?? '');
    expect(await page.text()).toContain(invoice?.number ?? '?');
    expect(await getParsed(sandbox, `/v1/top-ups/${result.top_up.id}`, TopUp)).toEqual(result.top_up);
  });

  it.each([
    ['4000000000000002', 'card_declined', 'generic_decline'],
    ['4000000000009995', 'card_declined', 'insufficient_funds'],
    ['4000000000000069', 'expired_card', 'expired_card'],
    ['4000000000000127', 'incorrect_cvc', 'incorrect_cvc'],
    ['4000000000009987', 'card_declined', 'lost_card'],
  ])('is declined with card %s (%s / %s), crediting nothing', async (number, code, declineCode) => {
    await setSavedCard(sandbox, number);
    const clientId = freshClient();
    const before = await getClient(sandbox, clientId);
    const result = await topUp(sandbox, clientId, 'pack_1k');
    expect(result.top_up.status).toBe('requires_payment_method');
    expect(result.top_up.last_payment_error).toMatchObject({ code, decline_code: declineCode });
    expect(result.top_up.invoice_id).toBeNull();
    expect(result.ledger_entry).toBeNull();
    expect(result.balance).toEqual(before.balance);
    const charges = ChargeList.parse((await call(sandbox, 'GET', '/sandbox/charges')).body).data;
    expect(charges.filter((charge) => charge.top_up_id === result.top_up.id)).toMatchObject([
      { status: 'failed', failure_code: code, decline_code: declineCode },
    ]);
  });
});

describe('3-D Secure through the Stripe.js stand-in endpoints', () => {
  it('needs authentication with 4000002760003184, then completing it credits exactly once', async () => {
    await setSavedCard(sandbox, '4000002760003184');
    const clientId = freshClient();
    const before = await getClient(sandbox, clientId);
    const { top_up: pending } = await topUp(sandbox, clientId, 'pack_10k');
    expect(pending).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
    expect(pending.client_secret).toMatch(/_secret_/);
    const page = await fetch(
      `${sandbox.url}/stripe/authenticate?client_secret=${pending.client_secret ?? ''}`,
    );
    const html = await page.text();
    expect(html).toContain('Complete authentication');
    expect(html).toContain('Fail authentication');

    const body = { client_secret: pending.client_secret, result: 'complete' };
    const first = await postJson(sandbox, '/stripe/v1/payment_intents/authenticate', body);
    expect(first.body).toMatchObject({ payment_intent: { id: pending.id, status: 'succeeded' } });
    const again = await postJson(sandbox, '/stripe/v1/payment_intents/authenticate', body);
    expect(again.body).toMatchObject({ payment_intent: { status: 'succeeded' } });
    expect((await getClient(sandbox, clientId)).balance.total).toBe(before.balance.total + 10_000);
    const credits = (await fullLedger(sandbox, clientId)).filter((entry) => entry.top_up_id === pending.id);
    expect(credits).toHaveLength(1);
  });

  it('fails when the user fails authentication, leaving the top-up payable by another card', async () => {
    await setSavedCard(sandbox, '4000002760003184');
    const clientId = freshClient();
    const { top_up: pending } = await topUp(sandbox, clientId, 'pack_1k');
    const failed = await postJson(sandbox, '/stripe/v1/payment_intents/authenticate', {
      client_secret: pending.client_secret,
      result: 'fail',
    });
    expect(failed.body).toMatchObject({
      error: {
        code: 'payment_intent_authentication_failure',
        payment_intent: { status: 'requires_payment_method' },
      },
    });
    const topUpNow = await getParsed(sandbox, `/v1/top-ups/${pending.id}`, TopUp);
    expect(topUpNow.status).toBe('requires_payment_method');
    expect(topUpNow.ledger_entry_id).toBeNull();
  });
});

describe('Checkout for a declined top-up', () => {
  it('shows declines inline, then pays with a new card that becomes the saved card for other clients', async () => {
    await setSavedCard(sandbox, '4000000000009995');
    const clientId = freshClient();
    const { top_up: declined } = await topUp(sandbox, clientId, 'pack_5k');
    const session = await checkoutSession(declined.id);
    expect(session).toMatchObject({ status: 'open', top_up_id: declined.id, tokens: 5_000 });
    const form = await (
      await fetch(`${sandbox.url}/stripe/checkout?client_secret=${session.client_secret}`)
    ).text();
    for (const label of ['Card number', 'Expiry', 'CVC', 'Pay']) expect(form).toContain(`>${label}<`);

    const confirm = (number: string) =>
      postJson(sandbox, '/stripe/v1/checkout_sessions/confirm', {
        client_secret: session.client_secret,
        card: card(number),
      });
    expect((await confirm('4000000000000002')).body).toMatchObject({
      status: 'declined',
      error: { decline_code: 'generic_decline', message: 'Your card was declined.' },
    });
    expect((await confirm('5555 5555 5555 4444')).body).toEqual({ status: 'complete' });
    expect((await getParsed(sandbox, `/v1/top-ups/${declined.id}`, TopUp)).status).toBe('succeeded');
    expect((await getParsed(sandbox, '/v1/me', Me)).card).toMatchObject({
      brand: 'Mastercard',
      last4: '4444',
    });

    const other = await topUp(sandbox, freshClient(), 'pack_1k');
    expect(other.top_up.status).toBe('succeeded');
    const charges = ChargeList.parse((await call(sandbox, 'GET', '/sandbox/charges')).body).data;
    expect(charges.find((charge) => charge.top_up_id === other.top_up.id)?.card.last4).toBe('4444');
    expect((await call(sandbox, 'POST', `/v1/top-ups/${declined.id}/checkout-session`)).status).toBe(409);
  });

  it('authenticates a 3-D Secure card typed into Checkout', async () => {
    await setSavedCard(sandbox, '4000000000000002');
    const { top_up: declined } = await topUp(sandbox, freshClient(), 'pack_1k');
    const session = await checkoutSession(declined.id);
    const confirmed = await postJson(sandbox, '/stripe/v1/checkout_sessions/confirm', {
      client_secret: session.client_secret,
      card: card('4000002760003184'),
    });
    expect(confirmed.body).toEqual({ status: 'requires_action' });
    const authenticated = await postJson(sandbox, '/stripe/v1/checkout_sessions/authenticate', {
      client_secret: session.client_secret,
      result: 'complete',
    });
    expect(authenticated.body).toEqual({ status: 'complete' });
    expect((await getParsed(sandbox, `/v1/top-ups/${declined.id}`, TopUp)).status).toBe('succeeded');
  });
});

describe('the money trail', () => {
  it('matches one to one: succeeded charges = credited top-ups = invoices = emails', async () => {
    expect(await expectBooksBalanced(sandbox)).toBe(5);
  });
});
