import type { LedgerEntry } from '../../shared/api/billing-api';
import type { SandboxDb } from './open-store';

export function createLedgerRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO ledger (client_id, seq, id, at, type, amount, balance_after, bucket, top_up_id, invoice_id,
       submission_id, description)
     VALUES (@client_id, @seq, @id, @at, @type, @amount, @balance_after, @bucket, @top_up_id, @invoice_id,
       @submission_id, @description)`,
  );
  const selectPage = db.prepare(
    `SELECT id, client_id, seq, at, type, amount, balance_after, bucket, top_up_id, invoice_id, submission_id,
       description
     FROM ledger WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );

  const selectAll = db.prepare(
    `SELECT id, client_id, seq, at, type, amount, balance_after, bucket, top_up_id, invoice_id, submission_id,
       description
     FROM ledger WHERE client_id = ? ORDER BY seq`,
  );

  return {
    all(clientId: string): LedgerEntry[] {
      return selectAll.all(clientId) as LedgerEntry[];
    },

    insertMany(entries: readonly LedgerEntry[]): void {
      for (const entry of entries) insert.run(entry);
    },

    /** Entries after `afterSeq`, oldest first. */
    page(clientId: string, afterSeq: number, limit: number): LedgerEntry[] {
      return selectPage.all(clientId, afterSeq, limit) as LedgerEntry[];
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
