/**
 * Manual Reload against the embedded sandbox: a pack bought with the saved card
 * lands everywhere at once; cancel charges nothing; a double click charges once.
 */
import { expect, test } from './fixtures';
import { formatCount, formatTokenCount, rowFor } from './support/clients-page';
import { creditLogTable, renderedRows } from './support/credit-log-page';
import {
  balanceTotal,
  clientAt,
  confirmDialog,
  expectPaymentComplete,
  manualReload,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listCharges, listOutbox } from './support/sandbox-controls';

test('a pack bought with the saved card shows on every screen, in the credit log, invoices and outbox', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 1);
  const expected = client.balance.total + PACKS['5k'].tokens;
  await openSettings(page, webHost.origin, client);

  await manualReload(page).getByRole('radio', { name: PACKS['5k'].name }).check();
  await manualReload(page).getByRole('button', { name: 'Continue' }).click();
  const confirm = confirmDialog(page);
  await expect(confirm).toContainText(client.name);
  await expect(confirm).toContainText('Visa •••• 4242');
  await expect(confirm).toContainText('$65.00');
  await expect(confirm).toContainText('Top-up tokens roll forward and never expire at cycle reset.');
  await expect(confirm).toContainText('renewal date');
  await confirm.getByRole('button', { name: 'Confirm purchase' }).click();

  await expectPaymentComplete(page, expected);
  await expect(paymentDialog(page)).toContainText('5,000 tokens added');
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();
  await expect(paymentDialog(page)).toHaveCount(0);
  await expect(balanceTotal(page)).toHaveText(formatTokenCount(expected));

  const [email] = await listOutbox(api, client.id);
  expect(email, 'the billing email is in the sandbox outbox').toBeDefined();
  expect(email!.tokens).toBe(5_000);

  await page.getByRole('tab', { name: 'Credits' }).click();
  await expect(creditLogTable(page)).toBeVisible();
  await expect
    .poll(async () => {
      const cells = (await renderedRows(page))[0]?.cells ?? [];
      return [cells[1], cells[3], cells[4]];
    })
    .toEqual(['Top-up', '+5,000', formatCount(expected)]);
  await expect(creditLogTable(page).getByRole('link', { name: email!.invoice_number })).toBeVisible();

  await page.getByRole('tab', { name: 'Invoices' }).click();
  await expect(
    page.getByRole('table', { name: 'Invoices' }).getByRole('row').filter({ hasText: email!.invoice_number }),
  ).toHaveCount(1, { timeout: 20_000 });

  await page.getByRole('link', { name: 'Back to clients' }).click();
  await expect(rowFor(page, client.name)).toContainText(formatTokenCount(expected));
});

test('canceling at the confirm step charges nothing', async ({ appPage: page, webHost }) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 8);
  const before = await listCharges(api);
  await openSettings(page, webHost.origin, client);

  await manualReload(page).getByRole('radio', { name: PACKS['1k'].name }).check();
  await manualReload(page).getByRole('button', { name: 'Continue' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmDialog(page)).toHaveCount(0);
  expect(await listCharges(api)).toEqual(before);
  await expect(balanceTotal(page)).toHaveText(formatTokenCount(client.balance.total));
});

test('a double click on Confirm purchase charges once', async ({ appPage: page, webHost }) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 9);
  const before = await listCharges(api, client.id);
  await openSettings(page, webHost.origin, client);

  await manualReload(page).getByRole('radio', { name: PACKS['1k'].name }).check();
  await manualReload(page).getByRole('button', { name: 'Continue' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).dblclick();
  await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();

  const after = await listCharges(api, client.id);
  expect(after.slice(before.length), 'exactly one new charge').toHaveLength(1);
  await expect(balanceTotal(page)).toHaveText(formatTokenCount(client.balance.total + PACKS['1k'].tokens));
});
