/**
 * A charge whose outcome the app cannot learn at once: the payment window says
 * so, the purchase waits, and the same idempotency key settles it later — one
 * charge, the tokens counted once, and the manager told.
 */
import { expect, test } from './fixtures';
import { formatTokenCount } from './support/clients-page';
import {
  balanceTotal,
  buyPack,
  clientAt,
  expectPaymentComplete,
  manualReload,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listSandboxClients, sandboxLedgerSummary, type BillingApi } from './support/sandbox-api';
import { getFaults, listCharges, setFaults } from './support/sandbox-controls';

/** The title's first sentence; what follows is the core's advice for the answer it got, when there was one. */
const UNCONFIRMED = "We couldn't confirm this payment yet.";

async function sandboxBalance(api: BillingApi, clientId: string): Promise<number | undefined> {
  const clients = await listSandboxClients(api);
  return clients.find((candidate) => candidate.id === clientId)?.balance.total;
}

test('a charge the billing API keeps failing stays unconfirmed until a sync settles it once', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 20);
  const pack = PACKS['5k'];
  const chargesBefore = await listCharges(api, client.id);
  const ledgerBefore = await sandboxLedgerSummary(api, client.id);
  await openSettings(page, webHost.origin, client);
  try {
    // More 500s than the core's first try and retries, so the outcome stays unknown.
    await setFaults(api, { fail_next: { route: 'createTopUp', count: 20 } });
    await buyPack(page, pack.name);
    await expect(paymentDialog(page).getByRole('heading', { name: UNCONFIRMED })).toBeVisible({
      timeout: 20_000,
    });
    expect(await listCharges(api, client.id), 'nothing charged while every try failed').toEqual(
      chargesBefore,
    );

    // Still processing: opening the page again brings the same unconfirmed payment back.
    await page.reload();
    await expect(paymentDialog(page).getByRole('heading', { name: UNCONFIRMED })).toBeVisible({
      timeout: 20_000,
    });
    await paymentDialog(page).getByRole('button', { name: 'Close', exact: true }).click();
    await expect(paymentDialog(page)).toHaveCount(0);
    await expect(balanceTotal(page)).toHaveText(formatTokenCount(client.balance.total));

    await setFaults(api, { clear: true });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
      `Top up for ${client.name}: 5,000 tokens added once the billing service could be reached.`,
      { timeout: 20_000 },
    );
    await expect(balanceTotal(page)).toHaveText(formatTokenCount(client.balance.total + pack.tokens));

    const newCharges = (await listCharges(api, client.id)).slice(chargesBefore.length);
    expect(newCharges.map(({ status, amount }) => ({ status, amount }))).toEqual([
      { status: 'succeeded', amount: { amount: 6_500, currency: 'USD' } },
    ]);
    expect((await sandboxLedgerSummary(api, client.id)).count).toBe(ledgerBefore.count + 1);
    expect(await sandboxBalance(api, client.id)).toBe(client.balance.total + pack.tokens);
  } finally {
    await setFaults(api, { clear: true });
  }
});

test('a charge whose answer was lost is replayed with the same key: one charge, Payment complete', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 21);
  const pack = PACKS['1k'];
  const expected = client.balance.total + pack.tokens;
  const chargesBefore = await listCharges(api, client.id);
  const ledgerBefore = await sandboxLedgerSummary(api, client.id);
  await openSettings(page, webHost.origin, client);
  try {
    await setFaults(api, { drop_next: { route: 'createTopUp', count: 1 } });
    await buyPack(page, pack.name);
    await expectPaymentComplete(page, expected);
    expect((await getFaults(api)).drop_next, 'the first answer was really dropped').toEqual({});

    await paymentDialog(page).getByRole('button', { name: 'Done' }).click();
    await expect(balanceTotal(page)).toHaveText(formatTokenCount(expected));
    const newCharges = (await listCharges(api, client.id)).slice(chargesBefore.length);
    expect(newCharges.map(({ status, amount }) => ({ status, amount }))).toEqual([
      { status: 'succeeded', amount: { amount: 1_500, currency: 'USD' } },
    ]);
    expect((await sandboxLedgerSummary(api, client.id)).count).toBe(ledgerBefore.count + 1);
    expect(await sandboxBalance(api, client.id)).toBe(expected);
  } finally {
    await setFaults(api, { clear: true });
  }
});

test('"Check again" in the payment window, or "Check status" on the client page, settles an unconfirmed charge once the billing API answers', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 22);
  const pack = PACKS['1k'];
  const expected = client.balance.total + pack.tokens;
  const chargesBefore = await listCharges(api, client.id);
  await openSettings(page, webHost.origin, client);
  const dialog = paymentDialog(page);
  try {
    await setFaults(api, { fail_next: { route: 'createTopUp', count: 20 } });
    await buyPack(page, pack.name);
    await expect(dialog.getByRole('heading', { name: UNCONFIRMED })).toBeVisible({ timeout: 20_000 });

    await dialog.getByRole('button', { name: 'Check again' }).click();
    await expect(dialog.getByRole('heading', { name: UNCONFIRMED })).toBeVisible({ timeout: 20_000 });
    expect(await listCharges(api, client.id), 'still nothing charged while the API fails').toEqual(
      chargesBefore,
    );

    // Closed unconfirmed, it stays on the client page whichever tab is open, and Continue leads back to it.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(manualReload(page).getByRole('button', { name: 'Check status' })).toBeEnabled();
    await expect(manualReload(page).getByRole('button', { name: 'Continue' })).toHaveCount(0);
    await page.getByRole('tab', { name: 'Invoices' }).click();
    const notice = page.getByRole('status', { name: 'Purchase being confirmed' });
    await expect(notice).toContainText(`${formatTokenCount(pack.tokens)} for $15.00`);
    await page.screenshot({ path: test.info().outputPath('purchase-being-confirmed.png') });

    await setFaults(api, { clear: true });
    await notice.getByRole('button', { name: 'Check status' }).click();
    await expectPaymentComplete(page, expected);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(notice).toHaveCount(0);
    const newCharges = (await listCharges(api, client.id)).slice(chargesBefore.length);
    expect(newCharges.map(({ status, amount }) => ({ status, amount }))).toEqual([
      { status: 'succeeded', amount: { amount: 1_500, currency: 'USD' } },
    ]);
    expect(await sandboxBalance(api, client.id)).toBe(expected);
  } finally {
    await setFaults(api, { clear: true });
  }
});
