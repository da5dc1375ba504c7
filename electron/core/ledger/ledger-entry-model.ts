import type { LedgerEntryModel } from '../../../shared/ipc/ledger-models';
import type { CreditLogRow } from '../db/repositories/credit-log-queries';

export function toLedgerEntryModel(row: CreditLogRow): LedgerEntryModel {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    type: row.type,
    amount: row.amount,
    balanceAfter: row.balance_after,
    bucket: row.bucket,
    topUpId: row.top_up_id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    submissionId: row.submission_id,
    description: row.description,
  };
}
