/**
 * The credit log's columns worded once, so the table and the CSV export say
 * the same thing. References read as a person says them; the billing API's
 * ids stay behind them, offered for copying and never passed off as names.
 */
import { LEDGER_ENTRY_TYPES, type KnownLedgerEntryType, type LedgerEntryType } from '../api/billing-api';
import { isKnownValue } from '../api/open-enum';
import { titleCaseIdentifier } from '../domain/format';
import type { LedgerEntryModel } from './ledger-models';

const ENTRY_TYPE_LABELS: Record<KnownLedgerEntryType, string> = {
  top_up: 'Top-up',
  auto_reload: 'Auto Reload',
  usage: 'Usage',
  blocked: 'Blocked',
  plan_allocation: 'Plan allocation',
  plan_expiry: 'Plan expiry',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

/** What an entry is called; a type added by a newer billing API is shown by its own name ("Transfer"). */
export function entryTypeLabel(type: LedgerEntryType): string {
  return isKnownValue(LEDGER_ENTRY_TYPES, type) ? ENTRY_TYPE_LABELS[type] : titleCaseIdentifier(type);
}

/** Which tokens an entry moved: the plan's (they expire at renewal) or top-ups' (they never do). */
export function entrySource(entry: Pick<LedgerEntryModel, 'bucket'>): string {
  if (entry.bucket === 'plan') return 'Plan tokens';
  if (entry.bucket === 'top_up') return 'Top-up tokens';
  return `${titleCaseIdentifier(entry.bucket)} tokens`;
}

type InvoiceFields = Pick<LedgerEntryModel, 'invoiceId' | 'invoiceNumber'>;

/** The invoice behind an entry by its number; the number arrives with the sync after a purchase. */
export function entryInvoice(entry: InvoiceFields): string | null {
  if (entry.invoiceNumber !== null) return entry.invoiceNumber;
  return entry.invoiceId === null ? null : 'Invoice pending';
}

/** The Reference column: the invoice when there is one, otherwise which tokens the entry moved. */
export function entryReference(entry: InvoiceFields & Pick<LedgerEntryModel, 'bucket'>): string {
  return entryInvoice(entry) ?? entrySource(entry);
}

export interface EntryRawId {
  /** What the id names, as a person says it: "Copy top-up ID". */
  kind: 'submission' | 'top-up' | 'invoice';
  value: string;
}

/**
 * The most specific billing API id behind an entry, for a support ticket: the
 * usage submission, else the top-up its tokens went to or came from, else its
 * invoice. Null when the entry has none (a plan expiry).
 */
export function entryRawId(
  entry: Pick<LedgerEntryModel, 'submissionId' | 'topUpId' | 'invoiceId'>,
): EntryRawId | null {
  if (entry.submissionId !== null) return { kind: 'submission', value: entry.submissionId };
  if (entry.topUpId !== null) return { kind: 'top-up', value: entry.topUpId };
  if (entry.invoiceId !== null) return { kind: 'invoice', value: entry.invoiceId };
  return null;
}
