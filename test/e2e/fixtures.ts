/**
 * The web project's fixtures: one web host (with its embedded, seeded billing
 * sandbox) per worker, and a page already signed in through a one-time URL it printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import type { BillingApi } from './support/sandbox-api';
import { assertRendererBuilt, launchWebHost, type WebHostProcess } from './support/web-host-process';

interface WorkerFixtures {
  webHost: WebHostProcess & { billingApi: BillingApi };
}

interface TestFixtures {
  /** A page that opened a new sign-in URL of the worker's host and landed on the app. */
  appPage: Page;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  webHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      assertRendererBuilt();
      const dataDir = mkdtempSync(join(tmpdir(), 'abc-e2e-'));
      const host = await launchWebHost({ dataDir });
      try {
        if (!host.billingApi) throw new Error('The web host did not print the embedded sandbox address.');
        await use({ ...host, billingApi: host.billingApi });
      } finally {
        await host.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  appPage: async ({ page, webHost }, use) => {
    await page.goto(await webHost.signInUrl());
    await use(page);
  },
});

export { expect } from '@playwright/test';
