/**
 * The everyday flows at the two laptop sizes managers work at, 1280×800 and 1024×700: a blocked client flagged
 * and first in the list, "Buy tokens" from its row landing on the pack choice, the blocked banner surviving
 * "Not now" and a reload, the success view's links, and the agency card banner after a decline. Each control a
 * manager needs is wholly on screen, and a screenshot of each step is kept with the test's output.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clientRows, formatTokenCount, rowFor } from './support/clients-page';
import {
  clientAt,
  confirmDialog,
  expectPaymentComplete,
  manualReload,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { createSandboxTopUp, listSandboxClients } from './support/sandbox-api';
import { setSavedCard, submitUsage, TEST_CARDS } from './support/sandbox-controls';

const SIZES = [
  { viewport: { width: 1280, height: 800 }, position: 0 },
  { viewport: { width: 1024, height: 700 }, position: 15 },
] as const;

async function expectWhollyOnScreen(...controls: Locator[]): Promise<void> {
  for (const control of controls) await expect(control).toBeInViewport({ ratio: 1 });
}

function snapshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

for (const { viewport, position } of SIZES) {
  const size = `${viewport.width}×${viewport.height}`;

  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test('a blocked client is flagged, bought for from its row, and the purchase leads on', async ({
      appPage: page,
      webHost,
    }) => {
      test.setTimeout(90_000);
      const api = webHost.billingApi;
      const client = await clientAt(api, position);
      const shortfall = 2_000;
      const requested = client.balance.total + shortfall;
      const work = `Launch week reels ${viewport.width}`;
      expect((await submitUsage(api, client.id, requested, work)).submission.status).toBe('blocked');
      await page.goto(`${webHost.origin}/#/clients`);
      await page.getByRole('button', { name: 'Sync now' }).click();

      const row = rowFor(page, client.name);
      await expect(clientRows(page).first()).toContainText(client.name, { timeout: 20_000 });
      const buy = row.getByRole('link', { name: `Buy tokens for ${client.name}` });
      await expectWhollyOnScreen(row.getByText('Blocked', { exact: true }), buy);
      await snapshot(page, `blocked-row-${viewport.width}`);

      await buy.click();
      const dialog = page.getByRole('dialog', { name: 'Insufficient Tokens' });
      await expect(dialog).toContainText(`${formatTokenCount(shortfall)} short`, { timeout: 20_000 });
      await expectWhollyOnScreen(
        dialog.getByRole('button', { name: 'Buy tokens' }),
        dialog.getByRole('button', { name: 'Not now' }),
      );
      await dialog.getByRole('button', { name: 'Not now' }).click();
      const banner = page.getByRole('region', {
        name: `1 submission blocked — ${formatTokenCount(shortfall)} short`,
      });
      await page.reload();
      await dialog.getByRole('button', { name: 'Not now' }).click();
      await banner.scrollIntoViewIfNeeded();
      await expectWhollyOnScreen(
        banner.getByRole('link', { name: 'Buy tokens' }),
        banner.getByRole('button', { name: 'Turn on Auto Reload' }),
      );
      await snapshot(page, `blocked-banner-${viewport.width}`);

      // "Buy tokens" lands on the pack choice, in view, with the keyboard on the first pack.
      await banner.getByRole('link', { name: 'Buy tokens' }).click();
      const packs = manualReload(page).getByRole('radio');
      await expect(packs.first()).toBeFocused();
      await expectWhollyOnScreen(packs.first());
      await manualReload(page).getByRole('radio', { name: PACKS['5k'].name }).check();
      await manualReload(page).getByRole('button', { name: 'Continue' }).click();
      await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();
      await expectPaymentComplete(page, client.balance.total + PACKS['5k'].tokens);
      const success = paymentDialog(page);
      await expectWhollyOnScreen(
        success.getByRole('link', { name: 'View in credit log' }),
        success.getByRole('link', { name: 'View invoice' }),
        success.getByRole('button', { name: 'Done' }),
      );
      await snapshot(page, `success-${viewport.width}`);
      await success.getByRole('button', { name: 'Done' }).click();
      const covered = page.getByRole('region', {
        name: `“${work}” can run now: ask the client to resubmit it`,
      });
      await expect(covered).toBeVisible({ timeout: 20_000 });

      // The client resubmits; the shared app goes back to no blocked client for the tests after this one.
      expect((await submitUsage(api, client.id, requested, work)).submission.status).toBe('accepted');
      await page.getByRole('button', { name: 'Sync now' }).click();
      await expect(covered).toHaveCount(0, { timeout: 20_000 });
    });
  });
}

test.describe('at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });
  test.afterEach(({ webHost }) => setSavedCard(webHost.billingApi, TEST_CARDS.visa));

  test('the agency card banner and its Update card are on screen on the list and a client page', async ({
    appPage: page,
    webHost,
  }) => {
    const api = webHost.billingApi;
    const [client] = await listSandboxClients(api);
    if (!client) throw new Error('The seeded sandbox has no clients.');
    await setSavedCard(api, TEST_CARDS.insufficientFunds);
    const declined = await createSandboxTopUp(api, client.id, 'pack_1k', 'laptop-sizes-decline');
    expect(declined.ok).toBe(true);

    await page.goto(`${webHost.origin}/#/clients`);
    await page.getByRole('button', { name: 'Sync now' }).click();
    const banner = page.getByRole('region', { name: /Visa •••• 9995 was declined/ });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expectWhollyOnScreen(
      banner.getByRole('heading'),
      banner.getByRole('button', { name: 'Update card' }),
    );
    await snapshot(page, 'agency-card-list-1024');

    await rowFor(page, client.name).getByRole('link', { name: client.name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
    await expectWhollyOnScreen(banner.getByRole('button', { name: 'Update card' }));
    await snapshot(page, 'agency-card-client-1024');

    await setSavedCard(api, TEST_CARDS.visa);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
  });
});
