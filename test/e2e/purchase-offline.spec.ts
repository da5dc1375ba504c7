/** With the billing API out of reach, Manual Reload stays visible but cannot start a purchase. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSandbox } from '../../sandbox/server';
import { manualReload, PACKS, settingsUrl } from './support/purchase-page';
import { listSandboxClients } from './support/sandbox-api';
import { assertRendererBuilt, launchWebHost, type WebHostProcess } from './support/web-host-process';

test('offline, Continue is disabled and says purchases need a connection', async ({ page }) => {
  assertRendererBuilt();
  const root = mkdtempSync(join(tmpdir(), 'abc-purchase-offline-'));
  let sandbox: { close(): Promise<void> } | null = null;
  let host: WebHostProcess | null = null;
  try {
    const started = await startSandbox({ dataDir: join(root, 'sandbox') });
    sandbox = started;
    const [client] = await listSandboxClients({ url: started.url, token: started.token });
    host = await launchWebHost({
      dataDir: join(root, 'app'),
      env: { BILLING_API_URL: started.url, BILLING_API_TOKEN: started.token },
    });
    await page.goto(await host.signInUrl());
    await page.goto(settingsUrl(host.origin, client!.id));
    const section = manualReload(page);
    const continueButton = section.getByRole('button', { name: 'Continue' });
    await section.getByRole('radio', { name: PACKS['5k'].name }).check({ timeout: 45_000 });
    await expect(continueButton).toBeEnabled();

    await started.close();
    sandbox = null;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('banner').getByRole('status')).toHaveText('Offline', { timeout: 20_000 });
    await expect(section.getByRole('radio', { name: PACKS['5k'].name })).toBeChecked();
    await expect(continueButton).toBeDisabled();
    await expect(continueButton).toHaveAccessibleDescription('Offline — purchases need a connection');
    await expect(section.getByText('Offline — purchases need a connection')).toBeVisible();
  } finally {
    await host?.kill();
    await sandbox?.close();
    rmSync(root, { recursive: true, force: true });
  }
});
