/**
 * The Settings tab's Forecast and Plan advice against the embedded sandbox, at the two laptop sizes managers
 * work at: when the tokens run out (or that they last), the daily usage, a plan verdict with its evidence, and
 * the recommended pack's Buy opening the Confirm top up dialog for that pack. The client is one the seeded
 * demo runs dry before its renewal. Nothing is bought (Cancel), and a screenshot of each size is kept.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clientAt, confirmDialog, openSettings } from './support/purchase-page';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

/** "Dec 9, 2026", as the app writes a calendar date. */
const DATE = String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4}`;

function forecast(page: Page) {
  return page.getByRole('region', { name: 'Forecast' });
}

function planAdvice(page: Page) {
  return page.getByRole('region', { name: 'Plan advice' });
}

for (const viewport of SIZES) {
  test(`at ${viewport.width}×${viewport.height} the forecast and plan advice read, and Buy opens the pack's confirmation`, async ({
    appPage: page,
    webHost,
  }) => {
    await page.setViewportSize(viewport);
    const client = await clientAt(webHost.billingApi, 19);
    await openSettings(page, webHost.origin, client);

    const panel = forecast(page);
    await expect(panel.getByRole('status')).toHaveCount(0);
    await expect(panel).toContainText(new RegExp(`Runs out on ${DATE}`));
    await expect(panel.getByText(/^About [\d,]+ tokens? a day \([\d,]+–[\d,]+\)$/)).toBeVisible();

    const advice = planAdvice(page);
    await expect(advice.getByRole('status')).toHaveCount(0);
    await expect(advice).toContainText(
      /Upgrade to \w+: about \$[\d,.]+ less per month|Downgrade to \w+: about \$[\d,.]+ less per month|\w+ is the right plan for this usage\.|Not enough history yet\./,
    );
    const evidence = advice.getByRole('list', { name: 'Why' }).getByRole('listitem');
    expect(await evidence.count()).toBeGreaterThan(0);
    await advice.getByText('Upgrading your plan').click();
    await expect(advice).toContainText("Plan changes are made in the platform's web app.");

    // Centred, so the sticky header hides neither panel's heading.
    await panel.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: test.info().outputPath(`insights-${viewport.width}.png`) });

    const buy = panel.getByRole('button', { name: 'Buy recommended pack' });
    const packName = await panel.getByText(/^[\d,]+ tokens — \$[\d,.]+$/).textContent();
    const tokens = /^([\d,]+) tokens/.exec(packName ?? '')?.[1];
    expect(tokens, 'the recommended pack names its size').toBeDefined();
    await buy.click();
    const dialog = confirmDialog(page);
    await expect(dialog).toContainText(client.name);
    await expect(dialog).toContainText(`${tokens}-token pack`);
    // The dialog fades in: finished at once, the screenshot shows it, not the page through it.
    await page.screenshot({
      path: test.info().outputPath(`insights-buy-${viewport.width}.png`),
      animations: 'disabled',
    });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  });
}
