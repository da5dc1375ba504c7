/**
 * Declined cards: the reason in plain words, then Stripe Checkout in the same
 * window for a different card, which becomes the card every screen shows.
 */
import { expect, test } from './fixtures';
import { formatTokenCount } from './support/clients-page';
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
import { listSandboxClients } from './support/sandbox-api';
import { listCharges, setSavedCard, TEST_CARDS } from './support/sandbox-controls';

const DECLINES = [
  {
    reason: 'a generic decline',
    card: TEST_CARDS.genericDecline,
    message: 'Visa •••• 0002 was declined: the bank gave no reason.',
    newCard: { number: '5555 5555 5555 4444', shown: 'Mastercard •••• 4444' },
    position: 4,
  },
  {
    reason: 'insufficient funds',
    card: TEST_CARDS.insufficientFunds,
    message: 'Visa •••• 9995 was declined: insufficient funds.',
    newCard: { number: '4000 0566 5566 5556', shown: 'Visa •••• 5556' },
    position: 5,
  },
  {
    reason: 'an expired card',
    card: TEST_CARDS.expired,
    message: 'Visa •••• 0069 has expired.',
    newCard: { number: '2223 0031 2200 3222', shown: 'Mastercard •••• 3222' },
    position: 6,
  },
] as const;

test.afterEach(({ webHost }) => setSavedCard(webHost.billingApi, TEST_CARDS.visa));

for (const decline of DECLINES) {
  test(`${decline.reason}: the reason, then a new card through Checkout`, async ({
    appPage: page,
    webHost,
  }) => {
    const api = webHost.billingApi;
    await setSavedCard(api, decline.card);
    const client = await clientAt(api, decline.position);
    await openSettings(page, webHost.origin, client);
    await buyPack(page, PACKS['1k'].name);

    const dialog = paymentDialog(page);
    const withAutoReload = (await listSandboxClients(api)).filter((c) => c.auto_reload.enabled).length;
    await expect(dialog.getByRole('alert')).toContainText(decline.message);
    // The card is the agency's: the decline says what else it pays for.
    await expect(dialog.getByRole('alert')).toContainText(
      `It is the agency's card: Auto Reload for ${withAutoReload} clients is charged to it too.`,
    );
    await dialog.getByRole('button', { name: 'Pay with a different card' }).click();
    await expect(dialog).toContainText("It replaces the agency's card for every client");
    const checkout = page.frameLocator('iframe[title="Secure checkout"]');
    await checkout.getByLabel('Card number').fill(decline.newCard.number);
    await checkout.getByLabel('Expiry').fill('12 / 34');
    await checkout.getByLabel('CVC').fill('123');
    await checkout.getByRole('button', { name: 'Pay', exact: true }).click();

    await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(manualReload(page)).toContainText(`Pays with ${decline.newCard.shown}`);
  });
}

test('the next purchase, for another client, is charged to the card entered in Checkout', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  await setSavedCard(api, TEST_CARDS.genericDecline);
  const first = await clientAt(api, 7);
  await openSettings(page, webHost.origin, first);
  await buyPack(page, PACKS['1k'].name);
  await paymentDialog(page).getByRole('button', { name: 'Pay with a different card' }).click();
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  await checkout.getByLabel('Card number').fill('5555 5555 5555 4444');
  await checkout.getByLabel('Expiry').fill('12 / 34');
  await checkout.getByLabel('CVC').fill('123');
  await checkout.getByRole('button', { name: 'Pay', exact: true }).click();
  await expectPaymentComplete(page, first.balance.total + PACKS['1k'].tokens);
  await paymentDialog(page).getByRole('button', { name: 'Done' }).click();

  const second = await clientAt(api, 10);
  await openSettings(page, webHost.origin, second);
  await expect(manualReload(page)).toContainText('Pays with Mastercard •••• 4444');
  await manualReload(page).getByRole('radio', { name: PACKS['1k'].name }).check();
  await manualReload(page).getByRole('button', { name: 'Continue' }).click();
  await expect(confirmDialog(page)).toContainText('Mastercard •••• 4444');
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();
  await expectPaymentComplete(page, second.balance.total + PACKS['1k'].tokens);
  const [charge] = (await listCharges(api, second.id)).slice(-1);
  expect(charge?.card.last4).toBe('4444');
  expect(charge?.status).toBe('succeeded');
});

test('canceling after a decline charges nothing and says so', async ({ appPage: page, webHost }) => {
  const api = webHost.billingApi;
  await setSavedCard(api, TEST_CARDS.insufficientFunds);
  const client = await clientAt(api, 11);
  const before = await listCharges(api, client.id);
  await openSettings(page, webHost.origin, client);
  await buyPack(page, PACKS['1k'].name);
  const dialog = paymentDialog(page);
  await dialog.getByRole('button', { name: 'Pay with a different card' }).click();
  await expect(page.frameLocator('iframe[title="Secure checkout"]').getByLabel('Card number')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Canceled — no charge was made.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  const added = (await listCharges(api, client.id)).slice(before.length);
  expect(added.filter((charge) => charge.status === 'succeeded')).toEqual([]);
  await expect(page.getByRole('region', { name: 'Balance' })).toContainText(
    formatTokenCount(client.balance.total),
  );
});
