/** Reading the clients page the way a person does: by roles, names and visible text. */
import type { Locator, Page } from '@playwright/test';
import type { Client } from '../../../shared/api/billing-api';

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

export function formatTokenCount(value: number): string {
  return `${formatCount(value)} ${value === 1 ? 'token' : 'tokens'}`;
}

export function clientsTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Clients' });
}

/** Body rows only: each one links to its client. */
export function clientRows(page: Page): Locator {
  return clientsTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') });
}

export function rowFor(page: Page, name: string): Locator {
  return clientRows(page).filter({ has: page.getByRole('link', { name, exact: true }) });
}

export async function visibleClientNames(page: Page): Promise<string[]> {
  // The name is the row's first link; "Buy tokens" is the row's action.
  return clientRows(page).locator('td:first-child').getByRole('link').allInnerTexts();
}

/** The total shown in each row's Balance column ("12,500 tokens"), top to bottom. */
export async function visibleBalances(page: Page): Promise<number[]> {
  const cells = await clientRows(page).locator('td:nth-child(3)').allInnerTexts();
  return cells.map((text) => {
    const match = /([\d,]+) tokens?/.exec(text);
    if (!match?.[1]) throw new Error(`No token balance in the Balance cell: "${text}"`);
    return Number(match[1].replaceAll(',', ''));
  });
}

/** The billing rule the UI must reflect: less than 10% of a cycle's allocation left. */
export function isUnderTenPercent(client: Client): boolean {
  return client.balance.total * 10 < client.plan.tokens_per_cycle;
}
