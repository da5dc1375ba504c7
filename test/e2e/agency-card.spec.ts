/**
 * The agency's card is one card for every client: a decline anywhere shows app-wide with the card named and
 * what it stops, and "Update card" replaces it through Checkout in setup mode without charging anything.
 */
import { expect, test } from './fixtures';
import { createSandboxTopUp, getSandboxMe, listSandboxClients } from './support/sandbox-api';
import { listCharges, setSavedCard, TEST_CARDS } from './support/sandbox-controls';

// Checkout needs the embedded sandbox's Stripe.js stand-in, so this runs on the worker's demo host and leaves
// the saved card working (a new card is saved, then the seeded one again) for the tests after it.
test.afterEach(async ({ webHost }) => {
  await setSavedCard(webHost.billingApi, TEST_CARDS.visa);
});

test('a declined agency card shows on every screen and is replaced without a charge', async ({
  appPage: page,
  webHost,
}) => {
  test.setTimeout(90_000);
  const api = webHost.billingApi;
  const [client] = await listSandboxClients(api);
  if (!client) throw new Error('The seeded sandbox has no clients.');
  await setSavedCard(api, TEST_CARDS.genericDecline);
  const declined = await createSandboxTopUp(api, client.id, 'pack_1k', 'agency-card-decline');
  expect(declined.ok).toBe(true);
  const withAutoReload = (await listSandboxClients(api)).filter((c) => c.auto_reload.enabled).length;
  const chargesBefore = (await listCharges(api)).length;

  await page.getByRole('button', { name: 'Sync now' }).click();
  const banner = page.getByRole('region', { name: /Visa •••• 0002 was declined/ });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText(`Auto Reload can't buy tokens for ${withAutoReload} clients`);
  await expect(banner).toContainText('Your card was declined.');

  await banner.getByRole('button', { name: 'Update card' }).click();
  const dialog = page.getByRole('dialog', { name: "Update the agency's card" });
  await expect(dialog).toContainText('Nothing is charged now');
  const checkout = dialog.frameLocator('iframe[title="Secure checkout"]');
  await checkout.getByLabel('Card number').fill('5555 5555 5555 4444');
  await checkout.getByLabel('Expiry').fill('12 / 34');
  await checkout.getByLabel('CVC').fill('123');
  await checkout.getByRole('button', { name: 'Save card' }).click();

  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  expect((await getSandboxMe(api)).card).toMatchObject({ brand: 'Mastercard', last4: '4444' });
  expect(await listCharges(api)).toHaveLength(chargesBefore);
});
