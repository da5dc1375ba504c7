/**
 * A billing API newer than the app, as a manager meets it: one client's data
 * comes with a new kind of entry, a new invoice status, extra fields and
 * +02:00 timestamps, another's credit log cannot be read at all. Every other
 * client syncs, the changed one is browsable with its new entries named, and
 * the broken one says why with details to copy.
 */
import { expect, test } from '@playwright/test';
import { startOwnBackend, type OwnBackend } from './support/own-backend';
import { listSandboxClients } from './support/sandbox-api';
import { serveAsNewerApi, setFaults } from './support/sandbox-controls';
import { formatCount } from './support/clients-page';
import { countText, creditLogTable } from './support/credit-log-page';
import { listSandboxInvoices, listSandboxLedger } from './support/ledger-reference';

let backend: OwnBackend;

test.afterEach(async () => {
  await backend.close();
});

test('a newer billing API for one client and an unreadable one leave every other client synced', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  backend = await startOwnBackend('newer-api');
  const clients = (await listSandboxClients(backend.api)).toSorted((a, b) => a.name.localeCompare(b.name));
  const [changed, broken] = [clients[1], clients[2]];
  if (!changed || !broken) throw new Error('The seeded sandbox has fewer than three clients.');
  const newer = await serveAsNewerApi(backend.api, changed.id);
  await setFaults(backend.api, {
    answer_next: {
      route: 'listLedger',
      client_id: broken.id,
      count: 1_000,
      status: 200,
      body: { data: [{ id: 'led_without_the_rest' }], next_cursor: null },
      run: false,
    },
  });
  const host = await backend.launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await page.goto(await host.signInUrl());
  await page.goto(`${host.origin}/#/clients`);

  const syncStatus = page.getByRole('banner').getByRole('status');
  await expect(syncStatus).toHaveText(`Synced ${clients.length - 1} of ${clients.length} clients just now`, {
    timeout: 60_000,
  });
  const brokenRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: broken.name, exact: true }) });
  await expect(brokenRow.getByText('Sync problem')).toBeVisible();
  const changedRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: changed.name, exact: true }) });
  await expect(changedRow.getByText('Sync problem')).toHaveCount(0);

  // The unreadable client: why, and the details for a support ticket.
  await brokenRow.getByRole('link', { name: broken.name, exact: true }).click();
  const problem = page.getByRole('region', { name: "This client couldn't be synced" });
  await expect(problem).toContainText('The billing API sent an unexpected response');
  await problem.getByRole('button', { name: 'Copy details' }).click();
  await expect(problem.getByRole('status')).toHaveText('Details copied');
  const copied = String(await page.evaluate('navigator.clipboard.readText()'));
  expect(copied).toContain(`(${broken.id})`);

  // The changed client: the new kind of entry by name, counted, and findable with "Other".
  await page.goto(`${host.origin}/#/clients/${encodeURIComponent(changed.id)}/credits`);
  const entries = await listSandboxLedger(backend.api, changed.id);
  await expect(page.getByText(countText(entries.length), { exact: true })).toBeVisible({ timeout: 30_000 });
  const transferRow = creditLogTable(page).getByRole('row').filter({ hasText: newer.transfer.description });
  await expect(transferRow).toContainText('Transfer');
  await expect(transferRow).toContainText('+250');
  await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: 'Other' }).check();
  await expect(page.getByText(countText(1, entries.length), { exact: true })).toBeVisible();
  const sources = page.getByRole('region', { name: 'Where your tokens come from' });
  await expect(sources).toContainText(`${formatCount(changed.balance.total + 250)} tokens available`);
  await expect(sources.getByText('Transfer', { exact: true })).toBeVisible();
  await expect(sources.getByRole('note')).toHaveCount(0);

  // Its invoices, the new status shown by name.
  await page.getByRole('tab', { name: 'Invoices' }).click();
  const invoices = await listSandboxInvoices(backend.api, changed.id);
  const changedInvoice = invoices.find((invoice) => invoice.id === newer.invoice_id);
  if (!changedInvoice) throw new Error('The newer-server mode changed no invoice.');
  const invoiceRow = page
    .getByRole('table', { name: 'Invoices' })
    .getByRole('row')
    .filter({ hasText: changedInvoice.number });
  await expect(invoiceRow).toContainText('Partially Refunded');
});
