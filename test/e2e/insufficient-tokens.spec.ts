/** A submission refused for lack of tokens: the Insufficient Tokens dialog and its three answers. */
import { expect, test } from './fixtures';
import {
  clientWhere,
  confirmDialog,
  expectPaymentComplete,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { submitUsage } from './support/sandbox-controls';

test('the dialog offers the smallest pack that covers the shortfall, Auto Reload, or not now', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientWhere(api, 12, (candidate) => !candidate.auto_reload.enabled);
  await openSettings(page, webHost.origin, client);
  const dialog = page.getByRole('dialog', { name: 'Insufficient Tokens' });
  const syncNow = page.getByRole('button', { name: 'Sync now' });
  const refuse = async (description: string) => {
    const usage = await submitUsage(api, client.id, client.balance.total + 3_000, description);
    expect(usage.submission.status).toBe('blocked');
    await syncNow.click();
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toContainText('3,000 tokens short');
    await expect(dialog).toContainText(description);
  };

  await refuse('Quarterly report batch');
  await expect(dialog.getByRole('radio', { name: PACKS['5k'].name })).toBeChecked();
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toHaveCount(0);
  await syncNow.click();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Synced/);
  await expect(dialog, 'an answered submission does not ask again').toHaveCount(0);

  await refuse('Newsletter translations');
  await dialog.getByRole('button', { name: 'Turn on Auto Reload' }).click();
  const autoReload = page.getByRole('switch', { name: 'Auto Reload' });
  await expect(autoReload).toBeChecked();
  await expect(autoReload).toBeFocused();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(autoReload).not.toBeChecked();

  await refuse('Landing page rewrite');
  await dialog.getByRole('button', { name: 'Buy pack' }).click();
  await expect(confirmDialog(page)).toContainText('5,000 tokens');
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();
  await expectPaymentComplete(page, client.balance.total + PACKS['5k'].tokens);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
});
