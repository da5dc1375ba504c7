/** Reading the Credits tab the way a person (or a screen reader) does: by roles, names and cell text. */
import type { Locator, Page } from '@playwright/test';
import {
  LEDGER_ENTRY_TYPES,
  type KnownLedgerEntryType,
  type LedgerEntry,
} from '../../../shared/api/billing-api';
import { isKnownValue } from '../../../shared/api/open-enum';
import { formatCount } from './clients-page';

export const TYPE_LABELS: Record<KnownLedgerEntryType, string> = {
  top_up: 'Top-up',
  auto_reload: 'Auto Reload',
  usage: 'Usage',
  blocked: 'Blocked',
  plan_allocation: 'Plan allocation',
  plan_expiry: 'Plan expiry',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

/** The Type filter's checkbox names. */
export const TYPE_FILTER_LABELS: Record<KnownLedgerEntryType, string> = {
  top_up: 'Top-ups',
  auto_reload: 'Auto Reloads',
  usage: 'Usage',
  blocked: 'Blocked',
  plan_allocation: 'Plan allocation',
  plan_expiry: 'Plan expiry',
  refund: 'Refunds',
  adjustment: 'Adjustments',
};

export interface RenderedRow {
  rowIndex: number;
  cells: string[];
}

export function creditLogTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Credit log' });
}

export function creditsUrl(origin: string, clientId: string): string {
  return `${origin}/#/clients/${encodeURIComponent(clientId)}/credits`;
}

/** "1,234 of 5,678 entries" while filtered, "5,678 entries" otherwise. */
export function countText(matching: number, total: number | null = null): string {
  const noun = (total ?? matching) === 1 ? 'entry' : 'entries';
  return total === null
    ? `${formatCount(matching)} ${noun}`
    : `${formatCount(matching)} of ${formatCount(total)} ${noun}`;
}

/** The signed amount as the log shows it: "+5,000", "−1,200" (a true minus sign). */
export function signedAmount(amount: number): string {
  const magnitude = formatCount(Math.abs(amount));
  if (amount > 0) return `+${magnitude}`;
  return amount < 0 ? `\u2212${magnitude}` : magnitude;
}

/** Data rows present in the DOM, top to bottom, read in one pass. */
export async function renderedRows(page: Page): Promise<RenderedRow[]> {
  return creditLogTable(page).evaluate((table) =>
    [...table.querySelectorAll('[role="row"][aria-rowindex]')]
      .map((row) => ({
        rowIndex: Number(row.getAttribute('aria-rowindex')),
        cells: [...row.querySelectorAll('[role="cell"]')].map((cell) => (cell.textContent ?? '').trim()),
      }))
      .filter((row) => row.rowIndex > 1)
      .sort((a, b) => a.rowIndex - b.rowIndex),
  );
}

/** The Reference column: the invoice by number, else which tokens the entry moved; never a raw id. */
export function referenceOf(entry: LedgerEntry, invoiceNumbers: ReadonlyMap<string, string>): string {
  if (entry.invoice_id !== null) return invoiceNumbers.get(entry.invoice_id) ?? 'Invoice pending';
  return entry.bucket === 'plan' ? 'Plan tokens' : 'Top-up tokens';
}

/** What a row must read for an entry: Date is left out (it is in the viewer's time zone). */
export function expectedCells(entry: LedgerEntry, invoiceNumbers: ReadonlyMap<string, string>): string[] {
  return [
    // A type added by a newer billing API reads as its name, capitalised ("transfer" → "Transfer").
    isKnownValue(LEDGER_ENTRY_TYPES, entry.type)
      ? TYPE_LABELS[entry.type]
      : entry.type.charAt(0).toUpperCase() + entry.type.slice(1),
    entry.description,
    signedAmount(entry.amount),
    formatCount(entry.balance_after),
    referenceOf(entry, invoiceNumbers),
  ];
}

export function cellsWithoutDate(row: RenderedRow): string[] {
  return row.cells.slice(1);
}

/** Billing API ids look like "tu_-B7Bc…", "sub_qKLL…", "in_…": none may be shown as if it were a name. */
export const RAW_ID = /\b(?:tu|sub|in|xfer|led)_[\w-]{4,}/;
