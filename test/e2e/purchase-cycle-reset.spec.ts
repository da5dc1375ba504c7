/** At a cycle reset plan tokens start over while bought top-up tokens roll forward untouched. */
import { expect, test } from './fixtures';
import { formatCount, formatTokenCount } from './support/clients-page';
import {
  buyPack,
  clientAt,
  expectPaymentComplete,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listSandboxClients } from './support/sandbox-api';
import { advanceToRenewal } from './support/sandbox-controls';

test('after a cycle reset, provenance shows plan tokens reset and the top up rolled forward', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 16);
  await openSettings(page, webHost.origin, client);
  await buyPack(page, PACKS['1k'].name);
  await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();

  await advanceToRenewal(api, client.id);
  const after = (await listSandboxClients(api)).find((candidate) => candidate.id === client.id)!;
  expect(after.balance.plan, 'plan tokens start over').toBe(after.plan.tokens_per_cycle);
  expect(after.balance.top_up, 'top-up tokens roll forward').toBe(client.balance.top_up + PACKS['1k'].tokens);

  await page.getByRole('button', { name: 'Sync now' }).click();
  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance).toContainText(formatTokenCount(after.balance.total), { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Credits' }).click();
  const provenance = page.getByRole('region', { name: 'Where your tokens come from' });
  await expect(provenance).toContainText(`${formatTokenCount(after.balance.plan)} left this cycle`);
  await expect(provenance.getByRole('listitem').filter({ hasText: 'Top-up' }).first()).toBeVisible();
  await expect(provenance).toContainText(
    `${formatCount(PACKS['1k'].tokens)} of ${formatTokenCount(PACKS['1k'].tokens)} left`,
  );
  await expect(provenance).toContainText(`${formatTokenCount(after.balance.total)} available`);
});
