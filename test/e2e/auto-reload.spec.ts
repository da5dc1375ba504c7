/** The Auto Reload section: checked input, saved through the billing API, still there after a reload. */
import { expect, test } from './fixtures';
import { clientWhere, openSettings, PACKS } from './support/purchase-page';
import { listSandboxClients } from './support/sandbox-api';

test('Auto Reload is switched on and off, validated, saved and persisted', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientWhere(api, 14, (candidate) => !candidate.auto_reload.enabled);
  const sandboxAutoReload = async () =>
    (await listSandboxClients(api)).find((candidate) => candidate.id === client.id)?.auto_reload;
  await openSettings(page, webHost.origin, client);
  const section = page.getByRole('region', { name: 'Auto Reload' });
  const toggle = section.getByRole('switch', { name: 'Auto Reload' });
  const save = section.getByRole('button', { name: 'Save' });
  await expect(toggle).not.toBeChecked();
  await expect(section).toContainText('Auto Reload is off');

  await toggle.click();
  await section.getByLabel('Pack').selectOption({ label: 'Choose a pack' });
  await section.getByLabel('Monthly limit').fill('0');
  await save.click();
  await expect(section).toContainText('Choose the pack to buy on each reload.');
  await expect(section.getByLabel('Monthly limit')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByLabel('Monthly limit')).toHaveAccessibleDescription(/from 1 to 100/);

  await section.getByLabel('Pack').selectOption({ label: PACKS['10k'].name });
  await section.getByLabel('Reload when balance falls below').fill('2,000');
  await section.getByLabel('Monthly limit').fill('3');
  await save.click();
  await expect(section.getByRole('status')).toHaveText('Saved');
  const summary =
    'On — adds 10,000 tokens ($120.00) when balance falls below 2,000 tokens, at most 3 times per cycle';
  await expect(section).toContainText(summary);
  expect(await sandboxAutoReload()).toEqual({
    enabled: true,
    pack_id: 'pack_10k',
    threshold: 2_000,
    monthly_limit: 3,
  });

  await page.reload();
  await expect(toggle).toBeChecked({ timeout: 20_000 });
  await expect(section).toContainText(summary);
  await expect(section.getByLabel('Reload when balance falls below')).toHaveValue('2000');
  await expect(section.getByLabel('Monthly limit')).toHaveValue('3');

  await toggle.click();
  await save.click();
  await expect(section).toContainText('Auto Reload is off');
  expect((await sandboxAutoReload())?.enabled).toBe(false);
});

test('unsaved Auto Reload edits say so and survive leaving the page', async ({ appPage: page, webHost }) => {
  const client = await clientWhere(webHost.billingApi, 16, (candidate) => !candidate.auto_reload.enabled);
  await openSettings(page, webHost.origin, client);
  const section = page.getByRole('region', { name: 'Auto Reload' });
  await section.getByRole('switch', { name: 'Auto Reload' }).click();
  await section.getByLabel('Reload when balance falls below').fill('1,500');
  await expect(section.getByRole('status')).toHaveText('Unsaved changes: on after Save');
  await expect(section).toContainText('Auto Reload is off');

  await page.getByRole('link', { name: 'Back to clients' }).click();
  await page.getByRole('link', { name: client.name, exact: true }).click();

  await expect(section.getByRole('switch', { name: 'Auto Reload' })).toBeChecked();
  await expect(section.getByLabel('Reload when balance falls below')).toHaveValue('1,500');
  await section.getByRole('button', { name: 'Discard changes' }).click();
  await expect(section.getByRole('switch', { name: 'Auto Reload' })).not.toBeChecked();
  await expect(section.getByRole('status')).toHaveCount(0);
});
