/**
 * The pack's price changes on the vendor's side after the manager saw it: the
 * billing service charges nothing at the old price, the payment window says
 * so, and the manager confirms the new price before one charge at that price.
 */
import { expect, test } from '@playwright/test';
import { formatTokenCount } from './support/clients-page';
import { startOwnBackend } from './support/own-backend';
import {
  clientAt,
  confirmDialog,
  expectPaymentComplete,
  manualReload,
  openSettings,
  PACKS,
  paymentDialog,
} from './support/purchase-page';
import { listCharges, setPackPrice } from './support/sandbox-controls';

test('a price changed before Confirm purchase charges nothing; the new price, once confirmed, is charged once', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const backend = await startOwnBackend('price-changed');
  const { api } = backend;
  try {
    const client = await clientAt(api, 2);
    const chargesBefore = await listCharges(api, client.id);
    const host = await backend.launch();
    await page.goto(await host.signInUrl());
    await openSettings(page, host.origin, client);

    await manualReload(page).getByRole('radio', { name: PACKS['5k'].name }).check();
    await manualReload(page).getByRole('button', { name: 'Continue' }).click();
    await expect(confirmDialog(page)).toContainText('$65.00');
    await setPackPrice(api, 'pack_5k', 7_000);
    await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();

    const dialog = paymentDialog(page);
    await expect(dialog.getByRole('heading', { name: 'The price of this pack changed' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(dialog).toContainText('$65.00');
    await expect(dialog).toContainText('$70.00');
    expect(await listCharges(api, client.id), 'nothing charged at the old price').toEqual(chargesBefore);

    await dialog.getByRole('button', { name: 'Review new price' }).click();
    const confirm = confirmDialog(page);
    await expect(confirm).toContainText('$70.00');
    await expect(confirm).toContainText('Was $65.00');
    await confirm.getByRole('button', { name: 'Confirm purchase' }).click();
    await expectPaymentComplete(page, client.balance.total + PACKS['5k'].tokens);
    await expect(dialog).toContainText('$70.00');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await expect(
      manualReload(page).getByRole('radio', { name: `${formatTokenCount(5_000)} — $70.00` }),
    ).toBeVisible();
    const newCharges = (await listCharges(api, client.id)).slice(chargesBefore.length);
    expect(newCharges.map(({ status, amount }) => ({ status, amount }))).toEqual([
      { status: 'succeeded', amount: { amount: 7_000, currency: 'USD' } },
    ]);
  } finally {
    await backend.close();
  }
});
