/**
 * One Manual Reload purchase in the real Electron app, through the app://
 * page, the preload bridge and the main process, against the embedded
 * sandbox's saved test card (Visa 4242, no authentication needed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { packById } from '../../sandbox/seed/catalog';
import { formatMoney, formatTokens } from '../../shared/domain/format';
import { prepareApp, launchApp, skipReason } from './support/electron-app';

if (skipReason) console.log(skipReason);
test.skip(skipReason !== null, skipReason ?? '');

const PACK = packById('pack_1k');
/** The pack radio's accessible name, formatted as the renderer does: "1,000 tokens — $15.00". */
const PACK_NAME = `${formatTokens(PACK.tokens)} \u2014 ${formatMoney(PACK.price)}`;

let dataDir: string;
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  prepareApp();
  dataDir = mkdtempSync(join(tmpdir(), 'abc-electron-purchase-'));
  app = await launchApp(dataDir);
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The total in the client page header: "Growth plan · 12,345 tokens available". */
async function availableTokens(): Promise<number> {
  const text = await page.getByText(/[\d,]+ tokens? available/).innerText();
  const match = /([\d,]+) tokens? available/.exec(text);
  if (!match?.[1]) throw new Error(`No available balance in "${text}"`);
  return Number(match[1].replaceAll(',', ''));
}

test('buys a 1,000 token pack and the client balance shows it at once', async () => {
  expect(PACK_NAME).toBe('1,000 tokens \u2014 $15.00');
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  const clientLink = page.getByRole('table', { name: 'Clients' }).getByRole('link').first();
  const clientName = await clientLink.innerText();
  await clientLink.click();
  await expect(page.getByRole('heading', { level: 1, name: clientName })).toBeVisible();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const before = await availableTokens();

  const manualReload = page.getByRole('region', { name: 'Manual Reload' });
  await manualReload.getByRole('radio', { name: PACK_NAME }).check();
  await manualReload.getByRole('button', { name: 'Continue' }).click();

  const confirm = page.getByRole('dialog', { name: 'Confirm top up' });
  await expect(confirm.getByText('Visa •••• 4242')).toBeVisible();
  await confirm.getByRole('button', { name: 'Confirm purchase' }).click();

  const payment = page.getByRole('dialog', { name: 'Stripe payment' });
  await expect(payment.getByText('Payment complete')).toBeVisible({ timeout: 30_000 });
  await payment.getByRole('button', { name: 'Done' }).click();
  await expect(payment).toBeHidden();

  await expect(page.getByText(`${formatTokens(before + PACK.tokens)} available`)).toBeVisible();
  expect(await availableTokens()).toBe(before + PACK.tokens);
});
