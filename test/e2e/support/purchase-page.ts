/** The Settings tab's Manual Reload section and the payment dialogs, read by role and name. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Client } from '../../../shared/api/billing-api';
import { formatTokenCount } from './clients-page';
import { listSandboxClients, type BillingApi } from './sandbox-api';

export const PACKS = {
  '1k': { name: '1,000 tokens — $15.00', tokens: 1_000 },
  '5k': { name: '5,000 tokens — $65.00', tokens: 5_000 },
  '10k': { name: '10,000 tokens — $120.00', tokens: 10_000 },
} as const;

export function settingsUrl(origin: string, clientId: string): string {
  return `${origin}/#/clients/${encodeURIComponent(clientId)}/settings`;
}

/**
 * Tests share one web host per worker, so each takes its own client (by
 * position in name order) and never depends on another's purchases.
 */
export async function clientAt(api: BillingApi, position: number): Promise<Client> {
  const clients = (await listSandboxClients(api)).toSorted((a, b) => a.name.localeCompare(b.name));
  const client = clients[position];
  if (!client) throw new Error(`The seeded sandbox has no client at position ${position}.`);
  return client;
}

export async function openSettings(page: Page, origin: string, client: Client): Promise<void> {
  await page.goto(settingsUrl(origin, client.id));
  await expect(page.getByRole('heading', { name: client.name, level: 1 })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('heading', { name: 'Manual Reload' })).toBeVisible();
}

export function manualReload(page: Page): Locator {
  return page.getByRole('region', { name: 'Manual Reload' });
}

export function confirmDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Confirm top up' });
}

export function paymentDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Stripe payment' });
}

/** Picks a pack, continues and confirms: the payment window is then open. */
export async function buyPack(page: Page, packName: string): Promise<void> {
  await manualReload(page)
    .getByRole('radiogroup', { name: 'Pack size' })
    .getByRole('radio', { name: packName })
    .check();
  await manualReload(page).getByRole('button', { name: 'Continue' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Confirm purchase' }).click();
  await expect(paymentDialog(page)).toBeVisible();
}

export async function expectPaymentComplete(page: Page, newBalance: number): Promise<void> {
  const dialog = paymentDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Payment complete' })).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByText(formatTokenCount(newBalance), { exact: true })).toBeVisible();
}

/** The big total on the Settings tab's Balance card. */
export function balanceTotal(page: Page): Locator {
  return page.getByRole('region', { name: 'Balance' }).locator('.balance-total');
}

/** The first client from `position` on (name order) that fits, so tests keep to their own clients. */
export async function clientWhere(
  api: BillingApi,
  position: number,
  fits: (client: Client) => boolean,
): Promise<Client> {
  const clients = (await listSandboxClients(api)).toSorted((a, b) => a.name.localeCompare(b.name));
  const client = clients.slice(position).find(fits);
  if (!client) throw new Error(`No seeded client from position ${position} on fits this test.`);
  return client;
}
