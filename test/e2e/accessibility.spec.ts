/**
 * axe-core over every screen a manager uses: no serious or critical violation (names, roles, contrast,
 * landmarks). A finding prints its rule, impact and the elements it names.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { clientAt } from './support/purchase-page';

const SCREENS = [
  { name: 'Dashboard', path: '#/dashboard', ready: { role: 'heading', name: 'Needs attention' } },
  { name: 'Clients', path: '#/clients', ready: { role: 'table', name: 'Clients' } },
  { name: 'Settings', path: 'settings', ready: { role: 'region', name: 'Manual Reload' } },
  { name: 'Credits', path: 'credits', ready: { role: 'table', name: 'Credit log' } },
  { name: 'Usage', path: 'usage', ready: { role: 'figure', name: 'Balance over time' } },
  { name: 'Invoices', path: 'invoices', ready: { role: 'table', name: 'Invoices' } },
] as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

// axe's rules do not depend on the width; the narrower laptop size is where text wraps and overlaps.
test.use({ viewport: { width: 1024, height: 700 } });

test('no serious accessibility violation on any screen', async ({ appPage: page, webHost }) => {
  test.setTimeout(120_000);
  const client = await clientAt(webHost.billingApi, 12);
  const found: Record<string, string[]> = {};
  for (const screen of SCREENS) {
    const path = screen.path.startsWith('#')
      ? screen.path
      : `#/clients/${encodeURIComponent(client.id)}/${screen.path}`;
    await page.goto(`${webHost.origin}/${path}`);
    await expect(page.getByRole(screen.ready.role, { name: screen.ready.name })).toBeVisible({
      timeout: 45_000,
    });
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[screen.name] = violations;
  }
  expect(found).toEqual({});
});
