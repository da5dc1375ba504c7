/**
 * An outage shows within 15 seconds without anyone pressing Sync now, and so
 * does the return: the visible window checks the billing API every few seconds.
 */
import { expect, test } from '@playwright/test';
import { startOwnBackend } from './support/own-backend';
import { setFaults } from './support/sandbox-controls';
import { offlineBanner } from './support/offline-banner';

const NOTICE_WITHIN_MS = 15_000;
const OUTAGE_SECONDS = 25;

test('the app says offline within 15 s of an outage and online within 15 s of the return', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const backend = await startOwnBackend('offline-notice');
  try {
    const host = await backend.launch();
    await page.goto(await host.signInUrl());
    const syncStatus = page.getByRole('banner').getByRole('status');
    await expect(syncStatus).toHaveText(/^Synced/, { timeout: 60_000 });

    const outageAt = Date.now();
    await setFaults(backend.api, { refuse_connections_seconds: OUTAGE_SECONDS });
    await expect(offlineBanner(page)).toBeVisible({ timeout: NOTICE_WITHIN_MS });
    await expect(syncStatus).toHaveText('Offline');
    expect(Date.now() - outageAt).toBeLessThanOrEqual(NOTICE_WITHIN_MS);

    // Back means synced again and the banner gone.
    const returnAt = outageAt + OUTAGE_SECONDS * 1_000;
    await expect(syncStatus).toHaveText(/^Synced/, { timeout: returnAt - Date.now() + NOTICE_WITHIN_MS });
    expect(Date.now() - returnAt).toBeLessThanOrEqual(NOTICE_WITHIN_MS);
    await expect(offlineBanner(page)).toHaveCount(0);
  } finally {
    await backend.close();
  }
});
