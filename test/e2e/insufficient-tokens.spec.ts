/**
 * A submission refused for lack of tokens stays visible until it is resubmitted: the Insufficient Tokens
 * dialog, the banner and the "Blocked" badge survive "Not now", a reload and a smaller usage going through;
 * "Turn on Auto Reload" saves it; a purchase that covers it says the work has to be resubmitted.
 */
import { expect, test } from './fixtures';
import {
  clientWhere,
  confirmDialog,
  expectPaymentComplete,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listSandboxClients } from './support/sandbox-api';
import { submitUsage } from './support/sandbox-controls';

test('blocked work stays visible until resubmitted, and buying tokens says what happens to it', async ({
  appPage: page,
  webHost,
}) => {
  test.setTimeout(90_000);
  const api = webHost.billingApi;
  const client = await clientWhere(api, 12, (candidate) => !candidate.auto_reload.enabled);
  const requested = client.balance.total + 3_000;
  await openSettings(page, webHost.origin, client);
  const dialog = page.getByRole('dialog', { name: 'Insufficient Tokens' });
  const banner = page.getByRole('region', { name: /submission blocked/ });
  const syncNow = page.getByRole('button', { name: 'Sync now' });
  const synced = () => expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Synced/);

  expect((await submitUsage(api, client.id, requested, 'Quarterly report batch')).submission.status).toBe(
    'blocked',
  );
  await syncNow.click();
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('3,000 tokens short');
  await expect(dialog.getByRole('radio', { name: PACKS['5k'].name })).toBeChecked();
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(banner).toContainText('1 submission blocked — 3,000 tokens short');
  await expect(banner).toContainText('Quarterly report batch');
  // The credit log records what was refused, at no cost.
  await page.getByRole('tab', { name: 'Credits' }).click();
  const blockedRow = page
    .getByRole('table', { name: 'Credit log' })
    .getByRole('row')
    .filter({ hasText: 'Quarterly report batch' });
  await expect(blockedRow).toContainText('Blocked');
  await page.getByRole('tab', { name: 'Settings' }).click();

  // A smaller usage going through is not the blocked work: it stays, a little further out of reach.
  expect((await submitUsage(api, client.id, 100, 'Thumbnail')).submission.status).toBe('accepted');
  await syncNow.click();
  await expect(banner).toContainText('3,100 tokens short', { timeout: 20_000 });
  await page.reload();
  // A new run of the page asks again (the answer was for that visit); the banner was there all along.
  await expect(dialog).toContainText('3,100 tokens short', { timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('region', { name: '1 submission blocked — 3,100 tokens short' })).toBeVisible();

  // The client list flags it and puts it first.
  await page.goto(`${webHost.origin}/#/clients`);
  const rows = page.getByRole('table', { name: 'Clients' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(client.name);
  await expect(rows.nth(1)).toContainText('Blocked');
  await page.getByRole('button', { name: 'Blocked only' }).click();
  await expect(rows).toHaveCount(2);
  // Enter opens a single match only among the clients shown: one hidden by "Blocked only" is not opened.
  const search = page.getByRole('searchbox', { name: 'Search clients' });
  const unblocked = (await listSandboxClients(api)).find(
    (candidate) => candidate.id !== client.id && !candidate.name.includes(client.name),
  );
  if (!unblocked) throw new Error('The seeded sandbox has one client only.');
  await search.fill(unblocked.name);
  await expect(page.getByText(`No blocked client matches “${unblocked.name}”`)).toBeVisible();
  const lookup = page.waitForResponse((response) => response.url().endsWith('/clients.list'));
  await search.press('Enter');
  await lookup;
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await search.fill(client.name);
  await search.press('Enter');

  // Auto Reload from the dialog is saved for real, not a switch left unsaved.
  await banner.getByRole('button', { name: 'Turn on Auto Reload' }).click();
  await dialog.getByRole('button', { name: 'Turn on Auto Reload' }).click();
  await expect(dialog.getByRole('status')).toContainText('Auto Reload is on');
  await expect
    .poll(async () => (await listSandboxClients(api)).find((c) => c.id === client.id)?.auto_reload.enabled)
    .toBe(true);

  await dialog.getByRole('button', { name: 'Buy tokens' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();
  await expectPaymentComplete(page, client.balance.total - 100 + PACKS['5k'].tokens);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();
  const covered = page.getByRole('region', { name: /can run now: ask the client to resubmit it/ });
  await expect(covered).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toHaveCount(0);

  // The resubmission clears it.
  expect((await submitUsage(api, client.id, requested, 'Quarterly report batch')).submission.status).toBe(
    'accepted',
  );
  await syncNow.click();
  await synced();
  await expect(covered).toHaveCount(0);
  await expect(banner).toHaveCount(0);
});
