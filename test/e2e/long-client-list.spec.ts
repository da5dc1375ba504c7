/**
 * An agency with hundreds of clients: the Clients page draws the rows in view (and a few more), says how many
 * rows the table has, and scrolling the page brings every client into view down to the last one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { benchOfflineEnv, buildBenchCache } from '../../scripts/bench/build-bench-cache';
import { clientRows, clientsTable } from './support/clients-page';
import { launchWebHost, type WebHostProcess } from './support/web-host-process';

const OTHER_CLIENTS = 599;
let dataDir: string;
let host: WebHostProcess;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'abc-long-list-'));
  buildBenchCache(dataDir, { clientEntries: 20, otherClients: OTHER_CLIENTS });
  host = await launchWebHost({ dataDir, env: benchOfflineEnv(dataDir) });
});

test.afterAll(async () => {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('600 clients: only the rows in view are drawn, and scrolling reaches the last client', async ({
  page,
}) => {
  await page.goto(await host.signInUrl());
  await page.goto(`${host.origin}/#/clients`);
  const table = clientsTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(OTHER_CLIENTS + 2));
  // Counted by the cache, though the list arrives a page at a time as it is scrolled.
  await expect(page.getByText('600 clients', { exact: true })).toBeVisible();
  await expect(clientRows(page).first()).toBeVisible();
  const drawn = await clientRows(page).count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(80);

  const firstRow = table.locator('tr[aria-rowindex="2"]');
  await expect(firstRow).toBeVisible();
  await page.locator('#page-scroll').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
  const lastRow = table.locator(`tr[aria-rowindex="${OTHER_CLIENTS + 2}"]`);
  await expect(lastRow).toBeVisible();
  // The others are named from words A to J ("Acme Blue Studio 10"), so the one big client sorts last.
  await expect(lastRow.getByRole('link').first()).toHaveText('Million Entry Media');
  // The first rows have left the page, so the drawn window moved rather than grew.
  await expect(firstRow).toHaveCount(0);
  expect(await clientRows(page).count()).toBeLessThan(80);
});
