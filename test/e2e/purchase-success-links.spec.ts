/**
 * The success view leads on: "View invoice" shows the purchase's invoice as
 * pending at once and filled in when the sync brings it; "View in credit log"
 * opens the Credits tab with the purchase's entry highlighted. At 1024×700.
 */
import { expect, test } from './fixtures';
import { creditLogTable, signedAmount } from './support/credit-log-page';
import {
  buyPack,
  clientAt,
  confirmDialog,
  expectPaymentComplete,
  manualReload,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listOutbox, setFaults } from './support/sandbox-controls';

test.use({ viewport: { width: 1024, height: 700 } });
test.afterEach(({ webHost }) => setFaults(webHost.billingApi, { clear: true }));

test('View invoice shows the invoice pending at once, then filled in when it arrives', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 23);
  await openSettings(page, webHost.origin, client);
  // A sync still running would use up the late listing below before the purchase is made.
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Synced/, { timeout: 45_000 });
  await manualReload(page).getByRole('radio', { name: PACKS['5k'].name }).check();
  await manualReload(page).getByRole('button', { name: 'Continue' }).click();
  // The billing service lists the new invoice a moment late (Stripe finalizes invoices on its own time):
  // the sync right after the purchase finds none yet.
  await setFaults(api, {
    answer_next: {
      route: 'listInvoices',
      client_id: client.id,
      count: 1,
      status: 200,
      body: { data: [], next_cursor: null },
      run: false,
    },
  });
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();

  await expectPaymentComplete(page, client.balance.total + PACKS['5k'].tokens);
  const dialog = paymentDialog(page);
  await dialog.getByRole('link', { name: 'View invoice' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Invoices', selected: true })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
  const pending = rows.filter({ hasText: 'Invoice pending' });
  await expect(pending).toHaveAttribute('aria-current', 'true');
  await expect(pending).toBeFocused();
  await expect(pending).toContainText('Top-up of 5,000 tokens');
  await expect(pending).toContainText('$65.00');
  await page.screenshot({ path: test.info().outputPath('invoice-pending-1024.png') });

  await page.getByRole('button', { name: 'Sync now' }).click();
  const [email] = await listOutbox(api, client.id);
  expect(email, 'the sandbox emailed the invoice').toBeDefined();
  const arrived = rows.filter({ hasText: email!.invoice_number });
  await expect(arrived).toHaveAttribute('aria-current', 'true', { timeout: 20_000 });
  await expect(pending).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('invoice-arrived-1024.png') });
});

test('View in credit log opens the Credits tab with the purchase’s entry highlighted', async ({
  appPage: page,
  webHost,
}) => {
  const client = await clientAt(webHost.billingApi, 24);
  await openSettings(page, webHost.origin, client);
  await buyPack(page, PACKS['1k'].name);
  await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
  const dialog = paymentDialog(page);
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await expect(dialog).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('success-1024.png') });
  await dialog.getByRole('link', { name: 'View in credit log' }).click();

  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Credits', selected: true })).toBeVisible();
  const marked = creditLogTable(page).locator('[role="row"][aria-current="true"]');
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText(signedAmount(PACKS['1k'].tokens));
  const [email] = await listOutbox(webHost.billingApi, client.id);
  await expect(marked, 'its reference is the invoice the purchase made').toContainText(email!.invoice_number);
  // The control that opened the purchase went with the Settings tab: focus goes where the link led.
  await expect(marked).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('credit-log-highlight-1024.png') });
});
