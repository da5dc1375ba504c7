/**
 * The Source and Reference columns of the credit log, worded once so the
 * table and the CSV export say the same thing.
 */
import type { LedgerEntryModel } from './ledger-models';

type SourceFields = Pick<LedgerEntryModel, 'bucket' | 'topUpId'>;
type ReferenceFields = Pick<LedgerEntryModel, 'invoiceNumber' | 'invoiceId' | 'submissionId'>;

/** "Plan", the top-up bucket the tokens went to or came from, or "Top-ups" (oldest first) for usage. */
export function entrySource(entry: SourceFields): string {
  if (entry.bucket === 'plan') return 'Plan';
  return entry.topUpId ? `Top-up ${entry.topUpId}` : 'Top-ups';
}

/** The invoice (by number once it is cached) or the usage submission behind an entry. */
export function entryReference(entry: ReferenceFields): string {
  return entry.invoiceNumber ?? entry.invoiceId ?? entry.submissionId ?? '';
}
