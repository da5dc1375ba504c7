/**
 * A charge whose answer was lost, then an app restarted with a token the
 * billing service refuses: the refusal says nothing about the charge, so the
 * purchase stays "being confirmed" and the manager is told to sign in again,
 * never that it failed. With the right token it settles as paid, once.
 */
import { expect, test } from '@playwright/test';
import { formatTokenCount } from './support/clients-page';
import { startOwnBackend } from './support/own-backend';
import {
  balanceTotal,
  buyPack,
  clientAt,
  manualReload,
  openSettings,
  PACKS,
  paymentDialog,
  settingsUrl,
} from './support/purchase-page';
import { listCharges, setFaults } from './support/sandbox-controls';
import { openWebHostSession } from './support/web-host-session';

const NOT_CONFIRMED = "We couldn't confirm this payment yet.";
const SIGN_IN_AGAIN = /sign in again/i;
/** Words that would tell the manager the money did not move, which nobody knows here. */
const FALSE_OUTCOME = /failed|no charge|not charged/i;

test('a purchase checked with a revoked token stays being confirmed, then settles once with the right token', async ({
  page,
  playwright,
}) => {
  test.setTimeout(240_000);
  const backend = await startOwnBackend('revoked-token');
  const { api } = backend;
  try {
    const client = await clientAt(api, 3);
    const pack = PACKS['1k'];
    const chargesBefore = await listCharges(api, client.id);

    const first = await backend.launch();
    await page.goto(await first.signInUrl());
    await openSettings(page, first.origin, client);
    // Every try and retry commits the charge, then loses the answer, so the outcome stays unknown.
    await setFaults(api, { drop_next: { route: 'createTopUp', count: 20 } });
    await buyPack(page, pack.name);
    await expect(paymentDialog(page).getByRole('heading', { name: NOT_CONFIRMED })).toBeVisible({
      timeout: 20_000,
    });
    await expect(paymentDialog(page)).not.toContainText(FALSE_OUTCOME);
    await first.stop();
    await setFaults(api, { clear: true });

    const revoked = await backend.launch({ token: 'revoked-token' });
    await page.goto(await revoked.signInUrl());
    await page.goto(settingsUrl(revoked.origin, client.id));
    // The open purchase brings its payment window back; the core's check with the bad token adds its advice.
    const dialog = paymentDialog(page);
    const title = dialog.getByRole('heading', { name: NOT_CONFIRMED });
    await expect(title).toHaveText(SIGN_IN_AGAIN, { timeout: 30_000 });
    await expect(dialog).toContainText(/API token/i);
    await expect(dialog).not.toContainText(FALSE_OUTCOME);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    const notice = page.getByRole('status', { name: 'Purchase being confirmed' });
    await expect(notice).toContainText(SIGN_IN_AGAIN);
    await expect(notice).not.toContainText(FALSE_OUTCOME);
    await expect(manualReload(page).getByRole('button', { name: 'Continue' })).toHaveCount(0);
    // Checking again with the refused token gets the same advice, never an outcome it does not know.
    await manualReload(page).getByRole('button', { name: 'Check status' }).click();
    await expect(dialog.getByRole('heading', { name: NOT_CONFIRMED })).toHaveText(SIGN_IN_AGAIN);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await revoked.stop();

    const restored = await backend.launch();
    // The restart settles the purchase by itself; the page opened after it shows the outcome.
    const session = await openWebHostSession(playwright, restored);
    await expect
      .poll(async () => session.invoke('purchases.active', { clientId: client.id }), { timeout: 30_000 })
      .toEqual({ ok: true, value: null });
    await session.dispose();
    await page.goto(await restored.signInUrl());
    await openSettings(page, restored.origin, client);
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
      `Top up for ${client.name}: ${formatTokenCount(pack.tokens)} added`,
    );
    await expect(balanceTotal(page)).toHaveText(formatTokenCount(client.balance.total + pack.tokens));
    await expect(page.getByRole('status', { name: 'Purchase being confirmed' })).toHaveCount(0);

    const newCharges = (await listCharges(api, client.id)).slice(chargesBefore.length);
    expect(newCharges.map(({ status, amount }) => ({ status, amount }))).toEqual([
      { status: 'succeeded', amount: { amount: 1_500, currency: 'USD' } },
    ]);
  } finally {
    await backend.close();
  }
});
