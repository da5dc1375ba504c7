/**
 * The Dashboard is the home screen: it ranks clients by what needs attention, a blocked client first, and
 * "Buy pack" buys the pack it recommends in the same confirm-and-pay flow, after which the row leaves the list.
 */
import { expect, test } from './fixtures';
import { formatTokenCount } from './support/clients-page';
import {
  clientAt,
  confirmDialog,
  expectPaymentComplete,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { submitUsage } from './support/sandbox-controls';

test('opens on the Dashboard, lists the blocked client first, and Buy pack clears its row', async ({
  appPage: page,
  webHost,
}) => {
  test.setTimeout(90_000);
  const api = webHost.billingApi;
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(main.getByRole('link')).toHaveText(['Dashboard', 'Clients']);
  await expect(page.getByText(/clients? (is|are) fine until their renewal/)).toBeVisible();

  const client = await clientAt(api, 4);
  const shortfall = 2_000;
  const requested = client.balance.total + shortfall;
  expect((await submitUsage(api, client.id, requested, 'Spring menu shoot')).submission.status).toBe(
    'blocked',
  );
  await page.getByRole('button', { name: 'Sync now' }).click();

  const attention = page.getByRole('list', { name: 'Needs attention' });
  const first = attention.getByRole('listitem').first();
  await expect(first).toContainText(client.name, { timeout: 20_000 });
  await expect(first).toContainText(`Blocked — ${formatTokenCount(shortfall)} short`);
  await expect(first).toContainText('“Spring menu shoot”');
  await page.screenshot({ path: test.info().outputPath('dashboard-1280.png'), fullPage: true });

  await first.getByRole('button', { name: `Buy pack for ${client.name}` }).click();
  // The smallest pack that covers the shortfall, in the same Confirm top up dialog as Manual Reload.
  await expect(confirmDialog(page)).toContainText('5,000-token pack');
  await expect(confirmDialog(page)).toContainText('$65.00');
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();
  await expectPaymentComplete(page, client.balance.total + PACKS['5k'].tokens);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const blockedRow = attention
    .getByRole('listitem')
    .filter({ hasText: client.name })
    .filter({ hasText: 'Blocked' });
  await expect(blockedRow).toHaveCount(0, { timeout: 20_000 });

  // The month's totals count the pack just bought.
  const month = page.getByRole('region', {
    name: new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(new Date()),
  });
  await month.scrollIntoViewIfNeeded();
  const bought = month.getByRole('definition').nth(2);
  await expect
    .poll(async () => Number((await bought.innerText()).replaceAll(',', '')))
    .toBeGreaterThanOrEqual(PACKS['5k'].tokens);
  await page.screenshot({ path: test.info().outputPath('dashboard-month-1280.png') });

  // "See plan advice" lands on that card of the client's Settings, in view, with focus on its heading.
  const waste = attention.getByRole('button', { name: /^See plan advice for / }).first();
  const wasteful = ((await waste.getAttribute('aria-label')) ?? '').replace('See plan advice for ', '');
  await waste.click();
  await expect(page.getByRole('heading', { level: 1, name: wasteful })).toBeVisible();
  const adviceHeading = page.getByRole('heading', { name: 'Plan advice' });
  await expect(adviceHeading).toBeFocused();
  await expect(adviceHeading).toBeInViewport();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The client resubmits; the shared app goes back to no blocked client for the tests after this one.
  expect((await submitUsage(api, client.id, requested, 'Spring menu shoot')).submission.status).toBe(
    'accepted',
  );
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Synced/, { timeout: 20_000 });
});
