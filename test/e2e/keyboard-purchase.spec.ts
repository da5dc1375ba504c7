/**
 * A purchase from pack to Done with the keyboard alone (Tab, Space, Enter,
 * Escape), through the bank's 3-D Secure check; no pointer is used once the
 * page is open. Focus lands where the next step is at every turn.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tabTo } from './support/keyboard';
import {
  clientAt,
  confirmDialog,
  expectPaymentComplete,
  manualReload,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { getSandboxMe } from './support/sandbox-api';
import { listCharges, listOutbox, setSavedCard, TEST_CARDS } from './support/sandbox-controls';

/** The last digits of the saved card as the app has it (its cache, brought by sync). */
function cachedCardLast4(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const post = (channel: string) =>
      fetch(`/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    await post('sync.now');
    const answer = (await (await post('account.get')).json()) as { value?: { card?: { last4: string } } };
    return answer.value?.card?.last4 ?? null;
  });
}

test.beforeEach(({ webHost }) => setSavedCard(webHost.billingApi, TEST_CARDS.threeDSecure));
test.afterEach(async ({ appPage: page, webHost }) => {
  await setSavedCard(webHost.billingApi, TEST_CARDS.visa);
  // Later specs share this app and read the card it names, which only a sync brings up to date.
  await expect.poll(() => cachedCardLast4(page), { timeout: 30_000 }).toBe('4242');
});

function bankCheck(page: Page) {
  return page.frameLocator('iframe[title="Payment authentication"]');
}

/** Tab to the pack and Space to choose it, then Tab to Continue, which has focus when this returns. */
async function choosePack(page: Page, packName: string): Promise<Locator> {
  const section = manualReload(page);
  const pack = section.getByRole('radio', { name: packName });
  await tabTo(page, pack);
  await page.keyboard.press('Space');
  await expect(pack).toBeChecked();
  const proceed = section.getByRole('button', { name: 'Continue' });
  await tabTo(page, proceed);
  return proceed;
}

/** Enter on Continue, Tab to Confirm purchase and Enter: the bank's check is open after it. */
async function confirmFromContinue(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await tabTo(page, confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }));
  await page.keyboard.press('Enter');
}

for (const { viewport, position } of [
  { viewport: { width: 1280, height: 800 }, position: 18 },
  { viewport: { width: 1024, height: 700 }, position: 13 },
]) {
  test(`a 3-D Secure purchase by keyboard alone at ${viewport.width}×${viewport.height}, with focus returned to where the person was`, async ({
    appPage: page,
    webHost,
  }) => {
    await page.setViewportSize(viewport);
    const api = webHost.billingApi;
    const client = await clientAt(api, position);
    const me = await getSandboxMe(api);
    await openSettings(page, webHost.origin, client);
    const section = manualReload(page);
    const proceed = await choosePack(page, PACKS['1k'].name);
    await page.keyboard.press('Enter');
    await expect(confirmDialog(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirmDialog(page)).toHaveCount(0);
    await expect(proceed, 'Escape gives focus back to Continue').toBeFocused();
    await confirmFromContinue(page);

    // The bank's check takes the keyboard: its first choice is focused, and Tab stays inside it.
    const bank = bankCheck(page);
    const complete = bank.getByRole('button', { name: 'Complete authentication' });
    await expect(complete).toBeFocused({ timeout: 20_000 });
    await expect(page.locator('iframe[title="Payment authentication"]')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(bank.getByRole('button', { name: 'Fail authentication' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(complete).toBeFocused();
    await expect(complete).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: test.info().outputPath(`3ds-challenge-${viewport.width}.png`) });
    await page.keyboard.press('Enter');

    await expectPaymentComplete(page, client.balance.total + PACKS['1k'].tokens);
    const dialog = paymentDialog(page);
    const done = dialog.getByRole('button', { name: 'Done' });
    await expect(done, 'Done is focused on success').toBeFocused();
    await expect(dialog).toContainText(`Receipt emailed to ${me.user.email}`);
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('link', { name: 'View invoice' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('link', { name: 'View in credit log' })).toBeFocused();
    await tabTo(page, done);
    await page.screenshot({ path: test.info().outputPath(`success-${viewport.width}.png`) });
    await page.keyboard.press('Enter');

    await expect(dialog).toHaveCount(0);
    // The pack was bought: the choice clears, so focus goes to the start of the pack choice, not to the body.
    await expect(proceed).toBeDisabled();
    await expect(section.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(section.getByRole('radio').first()).toBeFocused();

    const charges = (await listCharges(api, client.id)).filter((charge) => charge.status === 'succeeded');
    expect(charges).toHaveLength(1);
    const emails = await listOutbox(api, client.id);
    expect(emails.map((email) => email.to)).toEqual([me.user.email]);
  });
}

test('Escape in the bank check fails it with no charge; closing gives focus back to Continue', async ({
  appPage: page,
  webHost,
}) => {
  const api = webHost.billingApi;
  const client = await clientAt(api, 19);
  await openSettings(page, webHost.origin, client);
  const proceed = await choosePack(page, PACKS['1k'].name);
  await confirmFromContinue(page);

  await expect(bankCheck(page).getByRole('button', { name: 'Complete authentication' })).toBeFocused({
    timeout: 20_000,
  });
  await page.keyboard.press('Escape');
  const dialog = paymentDialog(page);
  await expect(dialog.getByRole('alert')).toHaveText('Authentication failed. No charge was made.');
  await page.keyboard.press('Escape');

  await expect(dialog).toHaveCount(0);
  await expect(proceed, 'the pack is still chosen and Continue has focus again').toBeFocused();
  const charges = await listCharges(api, client.id);
  expect(charges.filter((charge) => charge.status === 'succeeded')).toEqual([]);
});
