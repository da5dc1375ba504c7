/**
 * The credit log on a laptop: at 1280×800 and 1024×700 every column is on
 * screen in the log's one scroll area, with nothing cut but long descriptions;
 * references read as people say them, and the raw id behind one can be copied.
 */
import type { Client, LedgerEntry } from '../../shared/api/billing-api';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { measureCreditLogLayout } from './support/credit-log-layout';
import { countText, creditLogTable, creditsUrl, RAW_ID, TYPE_FILTER_LABELS } from './support/credit-log-page';
import { listSandboxInvoices, listSandboxLedger } from './support/ledger-reference';
import { listSandboxClients } from './support/sandbox-api';
import { submitUsage } from './support/sandbox-controls';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;
const COLUMNS = ['Date', 'Type', 'Description', 'Amount', 'Balance after', 'Reference'];

let client: Client;
let newestTopUp: LedgerEntry & { top_up_id: string };
let invoiceNumber: string;

/** A client with invoiced top-ups, so the log holds invoice references, top-up ids and usage. */
test.beforeAll(async ({ webHost }) => {
  const api = webHost.billingApi;
  for (const candidate of await listSandboxClients(api)) {
    const topUps = (await listSandboxLedger(api, candidate.id)).filter(
      (entry): entry is LedgerEntry & { top_up_id: string } =>
        entry.type === 'top_up' && entry.invoice_id !== null && entry.top_up_id !== null,
    );
    const invoices = await listSandboxInvoices(api, candidate.id);
    const invoice = invoices.find((found) => found.id === topUps.at(-1)?.invoice_id);
    if (invoice && candidate.balance.total > 100) {
      client = candidate;
      newestTopUp = topUps.at(-1)!;
      invoiceNumber = invoice.number;
      return;
    }
  }
  throw new Error('The seeded sandbox has no client with an invoiced top-up.');
});

/** Brings the whole log into view and checks every column's header and shown cells, as the issue asks. */
async function expectEveryColumnOnScreen(page: Page, minimumRows: number): Promise<void> {
  const table = creditLogTable(page);
  await table.evaluate((log: { scrollIntoView(options: object): void }) =>
    log.scrollIntoView({ block: 'end' }),
  );
  const layout = await measureCreditLogLayout(page);
  expect(layout.columns.map((column) => column.header)).toEqual(COLUMNS);
  expect(layout.sidewaysScrollers, 'nothing on the page scrolls sideways').toEqual([]);
  expect(layout.documentFits).toBe(true);
  expect(layout.logFits).toBe(true);
  expect(layout.rowsChecked).toBeGreaterThanOrEqual(minimumRows);
  for (const column of layout.columns) {
    expect(column.hidden, `${column.header}: header and cells on screen`).toBe(0);
    expect(column.inOtherScrollArea, `${column.header}: in the log's own scroll area`).toBe(0);
    // Only descriptions, written by clients' staff, may be long enough to end in an ellipsis.
    if (column.header !== 'Description') expect(column.cut, `${column.header}: nothing cut`).toEqual([]);
  }
  expect(await table.textContent()).not.toMatch(RAW_ID);
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`at ${size} every column is on screen in one scroll area, and ids are copied, not shown`, async ({
    appPage: page,
    webHost,
  }, testInfo) => {
    const api = webHost.billingApi;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
    await page.setViewportSize(viewport);
    const description = `Storyboard frames at ${size}`;
    const { submission } = await submitUsage(api, client.id, 10, description);
    const entries = await listSandboxLedger(api, client.id);

    await page.goto(creditsUrl(webHost.origin, client.id));
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText(countText(entries.length), { exact: true })).toBeVisible({ timeout: 45_000 });
    const table = creditLogTable(page);
    await expectEveryColumnOnScreen(page, 6);
    await page.screenshot({ path: testInfo.outputPath(`credit-log-${viewport.width}.png`) });

    // A usage submission reads as the tokens it used; its id is one click away.
    const usageRow = table.getByRole('row').filter({ hasText: description });
    await expect(usageRow.getByRole('cell').last()).toHaveText(/^(Plan|Top-up) tokens$/);
    await usageRow.getByRole('button', { name: 'Copy submission ID' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the submission ID' })).toBeVisible();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(submission.id);

    // A top-up reads as its invoice number, linked; the id copied is the top-up's.
    await page
      .getByRole('group', { name: 'Type' })
      .getByRole('checkbox', { name: TYPE_FILTER_LABELS.top_up })
      .check();
    const topUpRow = table.getByRole('row').filter({ hasText: invoiceNumber });
    await expect(topUpRow.getByRole('link', { name: invoiceNumber })).toBeVisible();
    await topUpRow.getByRole('button', { name: 'Copy top-up ID' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the top-up ID' })).toBeVisible();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(newestTopUp.top_up_id);

    // The longest type names and every kind of invoice reference fit as well.
    for (const type of ['auto_reload', 'plan_allocation'] as const) {
      await page
        .getByRole('group', { name: 'Type' })
        .getByRole('checkbox', { name: TYPE_FILTER_LABELS[type] })
        .check();
    }
    await expect(table.getByRole('row').filter({ hasText: 'Plan allocation' }).first()).toBeVisible();
    await expectEveryColumnOnScreen(page, 2);
    await page.screenshot({ path: testInfo.outputPath(`credit-log-${viewport.width}-top-ups.png`) });
  });
}

test('when the clipboard refuses, the id is shown to select by hand', async ({
  appPage: page,
  webHost,
}, testInfo) => {
  await page.addInitScript(() => {
    const clipboard = (globalThis as unknown as { navigator: { clipboard: { writeText: unknown } } })
      .navigator.clipboard;
    clipboard.writeText = () => Promise.reject(new Error('Write permission denied.'));
  });
  await page.goto(creditsUrl(webHost.origin, client.id));
  await page.reload();
  await page
    .getByRole('group', { name: 'Type' })
    .getByRole('checkbox', { name: TYPE_FILTER_LABELS.top_up })
    .check();
  const topUpRow = creditLogTable(page).getByRole('row').filter({ hasText: invoiceNumber });
  await topUpRow.getByRole('button', { name: 'Copy top-up ID' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Couldn't copy" })).toHaveText(
    `Couldn't copy. Select the top-up ID: ${newestTopUp.top_up_id}`,
  );
  await page.screenshot({ path: testInfo.outputPath('credit-log-copy-refused.png') });
});
