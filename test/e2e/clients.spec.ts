import type { Client, Me } from '../../shared/api/billing-api';
import { expect, test } from './fixtures';
import {
  clientRows,
  clientsTable,
  formatCount,
  formatTokenCount,
  isUnderTenPercent,
  rowFor,
  visibleBalances,
  visibleClientNames,
} from './support/clients-page';
import { getSandboxMe, listSandboxClients } from './support/sandbox-api';

let sandboxClients: Client[];
let me: Me;

test.beforeAll(async ({ webHost }) => {
  sandboxClients = await listSandboxClients(webHost.billingApi);
  me = await getSandboxMe(webHost.billingApi);
});

function pickClient(predicate: (client: Client) => boolean = () => true): Client {
  const client = sandboxClients.find(predicate);
  if (!client) throw new Error('The seeded sandbox has no client for this scenario.');
  return client;
}

// The app opens on the Dashboard; these are about the Clients page.
test.beforeEach(({ appPage: page, webHost }) => page.goto(`${webHost.origin}/#/clients`));

test('the client list shows every client of the seeded demo workspace', async ({
  appPage: page,
}, testInfo) => {
  const banner = page.getByRole('banner');
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }),
  ).toBeVisible();
  await expect(banner).toContainText(me.agency.name);
  await expect(banner.getByText('Demo workspace')).toBeVisible();

  expect(sandboxClients.length).toBeGreaterThanOrEqual(20);
  await expect(clientRows(page)).toHaveCount(sandboxClients.length, { timeout: 45_000 });
  await expect(banner.getByRole('status')).toHaveText(/^Synced/, { timeout: 45_000 });
  expect((await visibleClientNames(page)).toSorted()).toEqual(sandboxClients.map((c) => c.name).toSorted());

  // Tall enough that the screenshot shows the whole list, not just the first rows.
  await page.setViewportSize({ width: 1280, height: 2200 });
  const shot = testInfo.outputPath('clients-page.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('clients page', { path: shot, contentType: 'image/png' });
});

test('typing in the search box filters clients as you type, and clearing restores them', async ({
  appPage: page,
}) => {
  await expect(clientRows(page)).toHaveCount(sandboxClients.length);
  const target = pickClient();
  const query = target.name.slice(0, Math.min(target.name.length, 6));
  const expected = sandboxClients
    .filter((client) => client.name.toLowerCase().includes(query.toLowerCase()))
    .map((client) => client.name)
    .toSorted();

  const search = page.getByRole('searchbox', { name: 'Search clients' });
  await search.pressSequentially(query, { delay: 40 });

  await expect.poll(async () => (await visibleClientNames(page)).toSorted()).toEqual(expected);
  expect(expected.length).toBeLessThan(sandboxClients.length);

  await search.clear();
  await expect(clientRows(page)).toHaveCount(sandboxClients.length);
});

test('sorting by balance ranks clients by the share of their allocation left', async ({ appPage: page }) => {
  await expect(clientRows(page)).toHaveCount(sandboxClients.length);
  const share = (client: (typeof sandboxClients)[number]) =>
    client.balance.total / client.plan.tokens_per_cycle;
  const byShare = sandboxClients.toSorted((a, b) => share(a) - share(b) || (a.id < b.id ? -1 : 1));
  // Raw tokens would rank them differently: the sort is about what is left, not how many.
  expect(byShare.map((c) => c.balance.total)).not.toEqual(
    sandboxClients.map((c) => c.balance.total).toSorted((a, b) => a - b),
  );

  const sortButton = page.getByRole('button', { name: 'Sort by share of allocation left' });
  await sortButton.click();
  const header = clientsTable(page).getByRole('columnheader', { name: 'Balance' });
  await expect(header).toHaveAttribute('aria-sort', /^(ascending|descending)$/);
  const ascending = (await header.getAttribute('aria-sort')) === 'ascending';
  const ordered = ascending ? byShare : byShare.toReversed();
  const expected = ordered.map((client) => client.balance.total);
  await expect.poll(() => visibleBalances(page)).toEqual(expected);

  await sortButton.click();
  await expect(header).toHaveAttribute('aria-sort', ascending ? 'descending' : 'ascending');
  await expect.poll(() => visibleBalances(page)).toEqual(expected.toReversed());
});

test('a row shows the balance split and flags clients under 10% of their allocation', async ({
  appPage: page,
}) => {
  await expect(clientRows(page)).toHaveCount(sandboxClients.length);
  const low = sandboxClients.filter(isUnderTenPercent);
  expect(low.length).toBeGreaterThan(0);

  for (const client of sandboxClients) {
    const row = rowFor(page, client.name);
    const { total, plan, top_up: topUp } = client.balance;
    await expect(row).toContainText(formatTokenCount(total));
    await expect(row).toContainText(`Plan ${formatCount(plan)} · Top-up ${formatCount(topUp)}`);
    const badge = row.getByText(/^(Low balance|Out of tokens)$/);
    if (isUnderTenPercent(client)) {
      await expect(badge).toHaveText(total === 0 ? 'Out of tokens' : 'Low balance');
    } else {
      await expect(badge).toHaveCount(0);
    }
  }
});

test('opening a client shows its name, tabs and the plan / top-up split', async ({
  appPage: page,
}, testInfo) => {
  const client = pickClient((candidate) => candidate.balance.plan > 0 && candidate.balance.top_up > 0);
  await page.getByRole('link', { name: client.name, exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  for (const tab of ['Settings', 'Credits', 'Invoices']) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');

  const balance = page.getByRole('region', { name: 'Balance' });
  const planRow = balance.locator('div', { has: page.getByText('Plan tokens', { exact: true }) });
  const topUpRow = balance.locator('div', { has: page.getByText('Top-up tokens', { exact: true }) });
  await expect(planRow).toContainText(formatTokenCount(client.balance.plan));
  await expect(topUpRow).toContainText(formatTokenCount(client.balance.top_up));

  const shot = testInfo.outputPath('client-page.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('client page', { path: shot, contentType: 'image/png' });
});
