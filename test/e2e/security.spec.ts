import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import { expect, test } from './fixtures';

test('the page enforces the app CSP and loads without a single violation', async ({ page, webHost }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const response = await page.goto(webHost.appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Clients' }).getByRole('link').first()).toBeVisible();

  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(contentSecurityPolicy());
  expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy({ asHeader: true }));
  expect(violations).toEqual([]);
});

test('the page has no Node or Electron globals', async ({ appPage: page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
});
