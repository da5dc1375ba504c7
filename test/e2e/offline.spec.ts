/**
 * With the billing API gone, every synced screen (clients, credit log, invoices,
 * usage charts, the Dashboard) still browses from the cache under an "Offline"
 * banner; when the API is back, the banner goes by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox } from '../../sandbox/server';
import { clientRows } from './support/clients-page';
import { countText, creditLogTable, TYPE_FILTER_LABELS } from './support/credit-log-page';
import { filterLedger, listSandboxInvoices, listSandboxLedger } from './support/ledger-reference';
import { listSandboxClients } from './support/sandbox-api';
import { assertRendererBuilt, launchWebHost, type WebHostProcess } from './support/web-host-process';
import { offlineBanner } from './support/offline-banner';

test('synced screens browse offline under a banner that goes once the billing API is back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  assertRendererBuilt();
  const root = mkdtempSync(join(tmpdir(), 'abc-offline-'));
  const sandboxDir = join(root, 'sandbox');
  const first = await startSandbox({ dataDir: sandboxDir });
  let running: { close(): Promise<void> } | null = first;
  const port = Number(new URL(first.url).port);
  let host: WebHostProcess | null = null;

  try {
    const api = { url: first.url, token: first.token };
    const clients = await listSandboxClients(api);
    const client = clients[0]!;
    const entries = await listSandboxLedger(api, client.id);
    const invoices = await listSandboxInvoices(api, client.id);

    host = await launchWebHost({
      dataDir: join(root, 'app'),
      env: { BILLING_API_URL: first.url, BILLING_API_TOKEN: first.token },
    });
    await page.goto(await host.signInUrl());
    await page.goto(`${host.origin}/#/clients`);
    await expect(clientRows(page)).toHaveCount(clients.length, { timeout: 45_000 });
    await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Synced/, { timeout: 60_000 });
    await expect(offlineBanner(page)).toHaveCount(0);

    await first.close();
    running = null;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(offlineBanner(page)).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline');

    // The client list, from the cache.
    await expect(clientRows(page)).toHaveCount(clients.length);
    await page.getByRole('link', { name: client.name, exact: true }).click();
    const autoReloadSwitch = page.getByRole('region', { name: 'Auto Reload' }).getByRole('switch');
    await expect(autoReloadSwitch).toBeDisabled();
    await expect(autoReloadSwitch).toHaveAccessibleDescription(
      'Offline — Auto Reload settings need a connection',
    );

    // The credit log with a filter and a search, and its provenance.
    await page.getByRole('tab', { name: 'Credits' }).click();
    await expect(offlineBanner(page)).toBeVisible();
    await expect(page.getByText(countText(entries.length), { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Where your tokens come from' })).toContainText(
      'left this cycle',
    );
    await page
      .getByRole('group', { name: 'Type' })
      .getByRole('checkbox', { name: TYPE_FILTER_LABELS.usage })
      .check();
    await page.getByRole('searchbox', { name: 'Search credit log' }).fill('blog');
    const expected = filterLedger(entries, { types: ['usage'], search: 'blog' });
    await expect(page.getByText(countText(expected.length, entries.length), { exact: true })).toBeVisible();
    await expect(creditLogTable(page)).toHaveAttribute('aria-rowcount', String(expected.length + 1));
    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await downloadStarted).suggestedFilename()).toMatch(/\.csv$/);

    // The invoices list.
    await page.getByRole('tab', { name: 'Invoices' }).click();
    await expect(offlineBanner(page)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(
      invoices.length + 1,
    );

    // Usage charts and the Dashboard, from the cache; buying waits for the connection.
    await page.getByRole('tab', { name: 'Usage' }).click();
    await expect(page.getByRole('figure', { name: 'Balance over time' }).locator('canvas')).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(offlineBanner(page)).toBeVisible();
    const buyPack = page
      .getByRole('list', { name: 'Needs attention' })
      .getByRole('button', { name: /^Buy pack for / })
      .first();
    await expect(buyPack).toBeDisabled();
    await expect(buyPack).toHaveAccessibleDescription(
      'Offline — buying and checking purchases need a connection.',
    );
    await expect(page.getByText(/clients? (is|are) fine until their renewal/)).toBeVisible();

    // Back online on the same address and data: nobody clicks anything, the retry finds it.
    running = await startSandbox({ dataDir: sandboxDir, port });
    await expect(offlineBanner(page)).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Synced/);
  } finally {
    await host?.kill();
    await running?.close();
    rmSync(root, { recursive: true, force: true });
  }
});
