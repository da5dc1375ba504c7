/**
 * The agency's card: a decline of the saved card (a purchase or an Auto Reload, any client) shows on /v1/me
 * until the card works again, and Checkout in setup mode replaces the card without charging anything.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ClientList, Me } from '../../../shared/api/billing-api';
import { SetupSession } from '../../../shared/api/payments-api';
import type { SandboxHandle } from '../../../sandbox/server';
import { chargesOf, postJson, setSavedCard, topUp } from './billing-fixture';
import { getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let clients: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  clients = (await getParsed(sandbox, '/v1/clients?limit=3', ClientList)).data.map((c) => c.id);
});
afterAll(() => sandbox.close());

const card = (number: string) => ({ number, exp_month: 12, exp_year: 2034, cvc: '123' });
const me = () => getParsed(sandbox, '/v1/me', Me);

it('reports the saved card declined until a new card is saved in setup mode, charging nothing', async () => {
  const [first = '', second = ''] = clients;
  expect((await me()).card_declined).toBeNull();
  await setSavedCard(sandbox, '4000000000009995');
  await topUp(sandbox, first, 'pack_1k');
  expect((await me()).card_declined).toMatchObject({ message: 'Your card has insufficient funds.' });

  const opened = await postJson(sandbox, '/v1/checkout/setup-sessions', {});
  const session = SetupSession.parse(opened.body);
  expect(session.status).toBe('open');
  const page = await fetch(`${sandbox.url}/stripe/checkout?client_secret=${session.client_secret}`);
  expect(await page.text()).toContain('Nothing is charged now');
  const confirm = (number: string) =>
    postJson(sandbox, '/stripe/v1/checkout_sessions/confirm', {
      client_secret: session.client_secret,
      card: card(number),
    });
  expect((await confirm('4000000000000002')).body).toMatchObject({ status: 'declined' });
  // Checked like any card typed into Checkout: an expiry in the past is refused, not saved.
  const expired = await postJson(sandbox, '/stripe/v1/checkout_sessions/confirm', {
    client_secret: session.client_secret,
    card: { ...card('4242424242424242'), exp_year: 2020 },
  });
  expect(expired.body).toMatchObject({ status: 'declined', error: { code: 'invalid_expiry_year' } });
  expect((await me()).card).toMatchObject({ last4: '9995' });

  const chargesBefore = (await chargesOf(sandbox, second)).length;
  expect((await confirm('5555 5555 5555 4444')).body).toEqual({ status: 'complete' });
  const after = await me();
  expect(after.card).toMatchObject({ brand: 'Mastercard', last4: '4444' });
  expect(after.card_declined).toBeNull();
  expect(await chargesOf(sandbox, second)).toHaveLength(chargesBefore);
  // Every client's next charge goes to the new card.
  const { top_up: paid } = await topUp(sandbox, second, 'pack_1k');
  expect(paid.status).toBe('succeeded');
});
