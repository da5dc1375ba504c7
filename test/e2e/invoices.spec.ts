/** The Invoices tab against the seeded sandbox's invoices: the list, the hosted page link and saving. */
import type { Client, Invoice } from '../../shared/api/billing-api';
import { expect, test } from './fixtures';
import { readDownload } from './support/downloads';
import { listSandboxInvoices } from './support/ledger-reference';
import { listSandboxClients } from './support/sandbox-api';

let client: Client;
let invoices: Invoice[];

const STATUS_LABELS: Record<Invoice['status'], string> = {
  paid: 'Paid',
  open: 'Open',
  draft: 'Draft',
  void: 'Void',
  uncollectible: 'Uncollectible',
};

function money(amount: Invoice['amount']): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: amount.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount.amount / 10 ** digits);
}

test.beforeAll(async ({ webHost }) => {
  const clients = await listSandboxClients(webHost.billingApi);
  const withInvoices = await Promise.all(
    clients.map(async (candidate) => ({
      candidate,
      list: await listSandboxInvoices(webHost.billingApi, candidate.id),
    })),
  );
  const richest = withInvoices.toSorted((a, b) => b.list.length - a.list.length)[0];
  if (!richest || richest.list.length < 3) throw new Error('The seeded sandbox has no client with invoices.');
  client = richest.candidate;
  invoices = richest.list;
});

test.beforeEach(async ({ appPage: page, webHost }) => {
  await page.goto(`${webHost.origin}/#/clients/${encodeURIComponent(client.id)}/invoices`);
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(
    invoices.length + 1,
    {
      timeout: 45_000,
    },
  );
});

test('the Invoices tab lists the client’s invoices as the billing API does, newest first', async ({
  appPage: page,
}) => {
  const rows = page.getByRole('table', { name: 'Invoices' }).getByRole('row');
  const cells = await rows.evaluateAll((elements) =>
    elements
      .slice(1)
      .map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
  );
  expect(cells.map((row) => row[0])).toEqual(invoices.map((invoice) => invoice.number));
  expect(cells.map((row) => row[2])).toEqual(invoices.map((invoice) => invoice.description));
  expect(cells.map((row) => row[3])).toEqual(invoices.map((invoice) => money(invoice.amount)));
  expect(cells.map((row) => row[4])).toEqual(invoices.map((invoice) => STATUS_LABELS[invoice.status]));
});

test('each invoice opens its hosted page in a new browsing context', async ({ appPage: page }) => {
  for (const invoice of invoices.slice(0, 3)) {
    const link = page.getByRole('link', { name: `Open invoice ${invoice.number}` });
    await expect(link).toHaveAttribute('href', invoice.hosted_url);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
});

test('Save downloads the invoice document', async ({ appPage: page }) => {
  const invoice = invoices[0]!;
  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('button', { name: `Save invoice ${invoice.number}` }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toContain(invoice.number);
  const document = await readDownload(download);
  expect(document).toContain(invoice.number);
  await expect(page.getByText(`Downloading as ${download.suggestedFilename()}`)).toBeVisible();
});
