/**
 * The Credits tab against the seeded sandbox: rows, order, filters, counts and
 * the exported file are all checked against the billing API's own ledger.
 */
import type { Client, Invoice, LedgerEntry } from '../../shared/api/billing-api';
import { expect, test } from './fixtures';
import { formatCount, formatTokenCount } from './support/clients-page';
import {
  cellsWithoutDate,
  countText,
  creditLogTable,
  creditsUrl,
  expectedCells,
  renderedRows,
  TYPE_FILTER_LABELS,
  TYPE_LABELS,
} from './support/credit-log-page';
import { parseCsv, readDownload } from './support/downloads';
import { filterLedger, listSandboxInvoices, listSandboxLedger } from './support/ledger-reference';
import { listSandboxClients } from './support/sandbox-api';

interface ClientBooks {
  client: Client;
  entries: LedgerEntry[];
  invoices: Invoice[];
  invoiceNumbers: Map<string, string>;
}

let books: ClientBooks;

/** "2026-03-04 11:00:00" on this machine's clock, from the Date getters rather than the app's formatter. */
function localWallClock(iso: string): string {
  const at = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `${day} ${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** A client with bought top-ups and more entries than one page, so paging and references are exercised. */
test.beforeAll(async ({ webHost }) => {
  const api = webHost.billingApi;
  for (const client of await listSandboxClients(api)) {
    const entries = await listSandboxLedger(api, client.id);
    const topUps = entries.filter((entry) => entry.type === 'top_up' && entry.invoice_id !== null);
    if (entries.length > 250 && topUps.length >= 2 && client.balance.top_up > 0) {
      const invoices = await listSandboxInvoices(api, client.id);
      const invoiceNumbers = new Map(invoices.map((invoice) => [invoice.id, invoice.number]));
      books = { client, entries, invoices, invoiceNumbers };
      return;
    }
  }
  throw new Error('The seeded sandbox has no client with top-ups and a long credit log.');
});

test.beforeEach(async ({ appPage: page, webHost }) => {
  await page.goto(creditsUrl(webHost.origin, books.client.id));
  await expect(page.getByRole('heading', { name: 'Credit log' })).toBeVisible();
  // The first sync may still be on its way; the count settles on the sandbox's total once it lands.
  await expect(page.getByText(countText(books.entries.length), { exact: true })).toBeVisible({
    timeout: 45_000,
  });
});

test('the credit log lists every entry newest first, rendering only the rows in view', async ({
  appPage: page,
}) => {
  const newestFirst = filterLedger(books.entries, {});
  const table = creditLogTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(newestFirst.length + 1));

  const firstRows = await renderedRows(page);
  expect(firstRows.length).toBeGreaterThan(5);
  expect(firstRows.length, 'only the visible window is in the DOM').toBeLessThan(80);
  firstRows.slice(0, 10).forEach((row, index) => {
    expect(row.rowIndex).toBe(index + 2);
    expect(cellsWithoutDate(row)).toEqual(expectedCells(newestFirst[index]!, books.invoiceNumbers));
  });

  // Keyboard only: focus the log and jump to its end until the oldest entry has been paged in.
  await table.focus();
  await expect
    .poll(
      async () => {
        await page.keyboard.press('End');
        return (await renderedRows(page)).at(-1)?.rowIndex;
      },
      { timeout: 30_000 },
    )
    .toBe(newestFirst.length + 1);
  const lastRow = (await renderedRows(page)).at(-1)!;
  expect(cellsWithoutDate(lastRow)).toEqual(expectedCells(newestFirst.at(-1)!, books.invoiceNumbers));
  expect((await renderedRows(page)).length).toBeLessThan(80);
});

test('type, date range and search narrow the rows and the count exactly as the ledger says', async ({
  appPage: page,
}) => {
  const total = books.entries.length;
  const dates = books.entries.map((entry) => entry.at.slice(0, 10)).toSorted();
  const from = dates[Math.floor(dates.length * 0.25)]!;
  const to = dates[Math.floor(dates.length * 0.75)]!;
  const word = 'newsletter';

  await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Usage' }).check();
  const usage = filterLedger(books.entries, { types: ['usage'] });
  await expect(page.getByText(countText(usage.length, total), { exact: true })).toBeVisible();
  await expect(creditLogTable(page)).toHaveAttribute('aria-rowcount', String(usage.length + 1));

  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  const dated = filterLedger(books.entries, { types: ['usage'], from, to });
  await expect(page.getByText(countText(dated.length, total), { exact: true })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search credit log' }).fill(word);
  const expected = filterLedger(books.entries, { types: ['usage'], from, to, search: word });
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(dated.length);
  await expect(page.getByText(countText(expected.length, total), { exact: true })).toBeVisible();
  await expect(creditLogTable(page)).toHaveAttribute('aria-rowcount', String(expected.length + 1));
  await expect
    .poll(async () => (await renderedRows(page)).map(cellsWithoutDate))
    .toEqual(
      expected
        .slice(0, (await renderedRows(page)).length)
        .map((entry) => expectedCells(entry, books.invoiceNumbers)),
    );

  await page.getByRole('searchbox', { name: 'Search credit log' }).fill('zqxjv');
  await expect(page.getByText('No entries match these filters')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText(countText(total), { exact: true })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search credit log' })).toBeFocused();
});

test('a top up links to its invoice on the Invoices tab', async ({ appPage: page }) => {
  const [newestTopUp] = filterLedger(books.entries, { types: ['top_up'] });
  const invoice = books.invoices.find((candidate) => candidate.id === newestTopUp!.invoice_id);
  if (!invoice) throw new Error('The newest top up has no invoice in the sandbox.');

  await page
    .getByRole('group', { name: 'Type' })
    .getByRole('checkbox', { name: TYPE_FILTER_LABELS.top_up })
    .check();
  const firstRow = creditLogTable(page).getByRole('row').nth(1);
  await expect(firstRow).toContainText(newestTopUp!.description);
  const reference = firstRow.getByRole('link', { name: invoice.number });
  await expect(reference).toHaveAttribute('href', `#/clients/${books.client.id}/invoices`);
  await reference.click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(invoice.number) })).toHaveAttribute(
    'aria-current',
    'true',
  );
});

test('Export CSV downloads exactly the filtered rows', async ({ appPage: page }) => {
  const types = ['top_up', 'auto_reload', 'plan_allocation'] as const;
  for (const type of types) {
    await page
      .getByRole('group', { name: 'Type' })
      .getByRole('checkbox', { name: TYPE_FILTER_LABELS[type] })
      .check();
  }
  const expected = filterLedger(books.entries, { types: [...types] });
  await expect(
    page.getByText(countText(expected.length, books.entries.length), { exact: true }),
  ).toBeVisible();

  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readDownload(download);
  const [header, ...rows] = parseCsv(csv);
  // The web host runs on this machine, so its local time is this process's.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  expect(header).toEqual([
    `Date (${zone})`,
    'Date (UTC, ISO 8601)',
    'Type',
    'Description',
    'Amount',
    'Balance after',
    'Source',
    'Invoice',
    'Reference ID',
  ]);
  expect(rows).toEqual(
    expected.map((entry) => [
      localWallClock(entry.at),
      entry.at,
      TYPE_LABELS[entry.type as keyof typeof TYPE_LABELS],
      entry.description,
      String(entry.amount),
      String(entry.balance_after),
      entry.bucket === 'plan' ? 'Plan tokens' : 'Top-up tokens',
      books.invoiceNumbers.get(entry.invoice_id ?? '') ?? '',
      entry.submission_id ?? entry.top_up_id ?? entry.invoice_id ?? '',
    ]),
  );
  await expect(
    page.getByText(`Downloading ${formatCount(expected.length)} rows as ${download.suggestedFilename()}`),
  ).toBeVisible();
});

test('the provenance panel separates plan tokens from top-up tokens', async ({ appPage: page }) => {
  const panel = page.getByRole('region', { name: 'Where your tokens come from' });
  await expect(panel).toContainText(`${formatTokenCount(books.client.balance.total)} available`);
  await expect(panel).toContainText(`${formatTokenCount(books.client.balance.plan)} left this cycle`);
  const renewal = new Date(`${books.client.renewal_date}T00:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  await expect(panel).toContainText(`Expire on ${renewal}`);

  const topUpRows = panel.getByRole('listitem').filter({ hasText: /Top-up|Auto Reload/ });
  const lefts = (await topUpRows.allInnerTexts()).map((text) => {
    const match = /([\d,]+) of [\d,]+ tokens? left/.exec(text);
    if (!match?.[1]) throw new Error(`No "N of M tokens left" in: ${text}`);
    return Number(match[1].replaceAll(',', ''));
  });
  expect(lefts.reduce((sum, left) => sum + left, 0)).toBe(books.client.balance.top_up);
  const numbers = new Set(books.invoices.map((invoice) => invoice.number));
  for (const link of await topUpRows.getByRole('link').allInnerTexts()) expect(numbers).toContain(link);
});
