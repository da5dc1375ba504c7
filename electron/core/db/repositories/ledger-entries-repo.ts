import type Database from 'better-sqlite3';
import type { LedgerEntry } from '../../../../shared/api/billing-api';

type LedgerRow = LedgerEntry;

const COLUMNS = [
  'client_id',
  'seq',
  'id',
  'at',
  'type',
  'amount',
  'balance_after',
  'bucket',
  'top_up_id',
  'invoice_id',
  'submission_id',
  'description',
] as const satisfies readonly (keyof LedgerRow)[];

// Entries are immutable once the billing service has numbered them, so a re-sent one is ignored.
const INSERT_SQL = `
INSERT INTO ledger_entries (${COLUMNS.join(', ')})
VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
ON CONFLICT (client_id, seq) DO NOTHING`;

export function createLedgerEntriesRepo(db: Database.Database) {
  const insert = db.prepare<LedgerRow>(INSERT_SQL);
  const listForClient = db.prepare<[string], LedgerRow>(
    `SELECT ${COLUMNS.join(', ')} FROM ledger_entries WHERE client_id = ? ORDER BY seq`,
  );
  const countForClient = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM ledger_entries WHERE client_id = ?',
  );

  return {
    /** Returns how many entries were new. */
    insertMany(entries: readonly LedgerEntry[]): number {
      let inserted = 0;
      for (const entry of entries) inserted += insert.run(entry).changes;
      return inserted;
    },
    /** A client's credit log, oldest first. */
    listForClient(clientId: string): LedgerEntry[] {
      return listForClient.all(clientId);
    },
    countForClient(clientId: string): number {
      return countForClient.get(clientId)?.n ?? 0;
    },
  };
}

export type LedgerEntriesRepo = ReturnType<typeof createLedgerEntriesRepo>;
