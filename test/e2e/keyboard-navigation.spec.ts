/** Getting around without a pointer: the skip link, "/" to search, Enter to open the only match. */
import { expect, test } from './fixtures';
import { clientRows } from './support/clients-page';
import { listSandboxClients } from './support/sandbox-api';

test.use({ viewport: { width: 1280, height: 800 } });
// The app opens on the Dashboard; the search is on the Clients page.
test.beforeEach(({ appPage: page, webHost }) => page.goto(`${webHost.origin}/#/clients`));

test('the first Tab reaches "Skip to main content", which moves focus past the sidebar and header', async ({
  appPage: page,
}) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('skip-link-1280.png') });

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox', { name: 'Search clients' })).toBeFocused();
});

test('Enter in the search opens the client when exactly one matches, and stays on the list otherwise', async ({
  appPage: page,
  webHost,
}) => {
  const clients = await listSandboxClients(webHost.billingApi);
  const [target] = clients.toSorted((a, b) => a.name.localeCompare(b.name));
  if (!target) throw new Error('The seeded sandbox has no clients.');
  const matchesOf = (query: string) =>
    clients.filter((client) => client.name.toLowerCase().includes(query.toLowerCase()));
  const vowel = ['a', 'e', 'o'].find((letter) => matchesOf(letter).length > 1) ?? 'a';
  const search = page.getByRole('searchbox', { name: 'Search clients' });
  await expect(clientRows(page)).toHaveCount(clients.length, { timeout: 45_000 });

  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type(vowel);
  await expect(clientRows(page)).toHaveCount(matchesOf(vowel).length);
  // Enter asks the app for the matches afresh; once it has answered, the list is still there.
  const lookup = page.waitForResponse((response) => response.url().endsWith('/clients.list'));
  await page.keyboard.press('Enter');
  await lookup;
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(search).toBeFocused();

  await page.keyboard.press('Escape');
  await page.keyboard.type(target.name);
  await expect(clientRows(page)).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: target.name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/clients/${target.id}/settings$`));
});
