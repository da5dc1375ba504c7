/** 3-D Secure in the payment window: Stripe.js (the sandbox's stand-in) runs the bank's check. */
import { expect, test } from './fixtures';
import { formatTokenCount } from './support/clients-page';
import {
  balanceTotal,
  buyPack,
  clientAt,
  expectPaymentComplete,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listCharges, setSavedCard, TEST_CARDS } from './support/sandbox-controls';

test.beforeEach(({ webHost }) => setSavedCard(webHost.billingApi, TEST_CARDS.threeDSecure));
test.afterEach(({ webHost }) => setSavedCard(webHost.billingApi, TEST_CARDS.visa));

test('completing authentication finishes the payment', async ({ appPage: page, webHost }) => {
  const client = await clientAt(webHost.billingApi, 2);
  await openSettings(page, webHost.origin, client);
  await buyPack(page, PACKS['1k'].name);

  await expect(paymentDialog(page).getByRole('status')).toHaveText(
    'Waiting for your bank to confirm the payment…',
  );
  const bank = page.frameLocator('iframe[title="Payment authentication"]');
  await bank.getByRole('button', { name: 'Complete authentication' }).click();

  const expected = client.balance.total + PACKS['1k'].tokens;
  await expectPaymentComplete(page, expected);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();
  await expect(balanceTotal(page)).toHaveText(formatTokenCount(expected));
});

test('failing authentication says no charge was made; trying again can still succeed', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 3);
  const before = await listCharges(api, client.id);
  await openSettings(page, webHost.origin, client);
  await buyPack(page, PACKS['1k'].name);

  const bank = page.frameLocator('iframe[title="Payment authentication"]');
  await bank.getByRole('button', { name: 'Fail authentication' }).click();
  const dialog = paymentDialog(page);
  await expect(dialog.getByRole('alert')).toHaveText('Authentication failed. No charge was made.');
  await expect(dialog.getByRole('button', { name: 'Try again' })).toBeEnabled();

  const afterFailure = await listCharges(api, client.id);
  expect(afterFailure.slice(before.length).filter((charge) => charge.status === 'succeeded')).toEqual([]);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await bank.getByRole('button', { name: 'Complete authentication' }).click();
  await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
  const added = (await listCharges(api, client.id)).slice(before.length);
  expect(added.filter((charge) => charge.status === 'succeeded')).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(balanceTotal(page)).toHaveText(formatTokenCount(client.balance.total + PACKS['1k'].tokens));
});

test('a purchase waiting for authentication reopens when the page is opened again', async ({
  appPage: page,
  webHost,
}) => {
  const client = await clientAt(webHost.billingApi, 17);
  await openSettings(page, webHost.origin, client);
  await buyPack(page, PACKS['1k'].name);
  const bank = page.frameLocator('iframe[title="Payment authentication"]');
  await expect(bank.getByRole('button', { name: 'Complete authentication' })).toBeVisible();

  await page.reload();
  await expect(paymentDialog(page)).toBeVisible({ timeout: 20_000 });
  await bank.getByRole('button', { name: 'Complete authentication' }).click();
  await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
});
