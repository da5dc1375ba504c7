/**
 * The Usage tab: the balance over time and the tokens used per day as charts with a legend, and the same
 * numbers as a table for anyone who would rather read (or cannot see the canvas).
 */
import { expect, test } from './fixtures';
import { clientAt } from './support/purchase-page';
import { listSandboxLedger } from './support/ledger-reference';

test('the Usage tab charts balance and daily usage, and shows them as a table', async ({
  appPage: page,
  webHost,
}) => {
  const client = await clientAt(webHost.billingApi, 12);
  await page.goto(`${webHost.origin}/#/clients/${encodeURIComponent(client.id)}/usage`);
  await expect(page.getByRole('tab', { name: 'Usage', selected: true })).toBeVisible({ timeout: 45_000 });

  const balance = page.getByRole('figure', { name: 'Balance over time' });
  const usage = page.getByRole('figure', { name: 'Tokens used per day' });
  await expect(balance.locator('canvas')).toBeVisible();
  await expect(usage.locator('canvas')).toBeVisible();
  await expect(balance.getByRole('list', { name: 'Legend' })).toContainText('Forecast to the renewal');
  await page.screenshot({ path: test.info().outputPath('usage-1280.png'), fullPage: true });

  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByRole('button', { name: 'Show as table' })).toHaveAttribute('aria-pressed', 'true');
  const rows = page.getByRole('table', { name: 'Balance and usage per day, newest first' }).getByRole('row');
  await expect(rows).toHaveCount(91);
  // Today's row ends on the balance after the credit log's last entry of today (a spec that moves the sandbox's
  // clock forward leaves later entries, which belong to later days); a day's usage is what the log says was used.
  const entries = await listSandboxLedger(webHost.billingApi, client.id);
  const today = new Date().toISOString().slice(0, 10);
  const lastToday = entries.filter((entry) => entry.at.slice(0, 10) <= today).at(-1);
  if (!lastToday) throw new Error('The seeded client has no entries.');
  await expect(rows.nth(1)).toContainText(new Intl.NumberFormat('en-US').format(lastToday.balance_after));
  const usedByDay = new Map<string, number>();
  for (const entry of entries.filter((e) => e.type === 'usage'))
    usedByDay.set(entry.at.slice(0, 10), (usedByDay.get(entry.at.slice(0, 10)) ?? 0) - entry.amount);
  const recent = [...usedByDay.entries()]
    .filter(([day]) => day < today)
    .sort(([a], [b]) => b.localeCompare(a))[0];
  if (!recent) throw new Error('The seeded client has no usage.');
  const [day, used] = recent;
  const label = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
  await expect(rows.filter({ hasText: label })).toContainText(new Intl.NumberFormat('en-US').format(used));
});
