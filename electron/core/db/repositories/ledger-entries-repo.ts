import type Database from 'better-sqlite3';
import type { LedgerEntry } from '../../../../shared/api/billing-api';
import { MAX_CLIENT_KEYS, MAX_SEARCHABLE_SEQ, searchRowid } from '../../ledger/ledger-search-key';
import type { DailyLedgerRepo } from './daily-ledger-repo';

type LedgerRow = LedgerEntry;

export const LEDGER_COLUMNS = [
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
INSERT INTO ledger_entries (${LEDGER_COLUMNS.join(', ')})
VALUES (${LEDGER_COLUMNS.map((c) => `@${c}`).join(', ')})
ON CONFLICT (client_id, seq) DO NOTHING`;

/** The words a reference search finds besides the description. */
export function referenceText(
  entry: Pick<LedgerEntry, 'top_up_id' | 'invoice_id' | 'submission_id'>,
): string {
  return [entry.top_up_id, entry.invoice_id, entry.submission_id].filter((id) => id !== null).join(' ');
}

export interface PurchaseRow {
  top_up_id: string;
  type: 'top_up' | 'auto_reload';
  at: string;
  amount: number;
  invoice_id: string | null;
  invoice_number: string | null;
}

/** `daily` is told of every entry stored for the first time, so the per-day sums never drift from the log. */
export function createLedgerEntriesRepo(db: Database.Database, daily: DailyLedgerRepo) {
  const insert = db.prepare<LedgerRow>(INSERT_SQL);
  const index = db.prepare<[number, string, string]>(
    'INSERT INTO ledger_search (rowid, description, refs) VALUES (?, ?, ?)',
  );
  const readKey = db.prepare<[string], { key: number }>(
    'SELECT key FROM ledger_client_keys WHERE client_id = ?',
  );
  const addKey = db.prepare<[string], { key: number }>(
    'INSERT INTO ledger_client_keys (client_id) VALUES (?) RETURNING key',
  );
  const listForClient = db.prepare<[string], LedgerRow>(
    `SELECT ${LEDGER_COLUMNS.join(', ')} FROM ledger_entries WHERE client_id = ? ORDER BY seq`,
  );
  const listAfter = db.prepare<[string, number], LedgerRow>(
    `SELECT ${LEDGER_COLUMNS.join(', ')} FROM ledger_entries WHERE client_id = ? AND seq > ? ORDER BY seq`,
  );
  const countForClient = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM ledger_entries WHERE client_id = ?',
  );
  const unindexRange = db.prepare<[number, number]>('DELETE FROM ledger_search WHERE rowid BETWEEN ? AND ?');
  const removeKey = db.prepare<[string]>('DELETE FROM ledger_client_keys WHERE client_id = ?');
  const removeEntries = db.prepare<[string]>('DELETE FROM ledger_entries WHERE client_id = ?');

  // Without statistics SQLite prefers walking the client's whole primary key (100 ms at a million entries).
  const purchases = db.prepare<[string, string], PurchaseRow>(
    `SELECT e.top_up_id, e.type, e.at, e.amount, e.invoice_id, i.number AS invoice_number
     FROM ledger_entries e INDEXED BY ledger_entries_purchases LEFT JOIN invoices i ON i.id = e.invoice_id
     WHERE e.client_id = ? AND e.type IN ('top_up', 'auto_reload')
       AND e.top_up_id IN (SELECT value FROM json_each(?))`,
  );
  const boughtBetween = db.prepare<[string, string, string], { amount: number }>(
    `SELECT amount FROM ledger_entries INDEXED BY ledger_entries_purchases
     WHERE client_id = ? AND type IN ('top_up', 'auto_reload') AND at >= ? AND at < ?`,
  );
  // The dashboard asks this for every client: the partial index of Auto Reloads by time answers it alone
  // (migration 011), and is chosen only when the query repeats its condition word for word.
  const autoReloadsSince = db.prepare<[string, string], { n: number }>(
    `SELECT count(*) AS n FROM ledger_entries INDEXED BY ledger_entries_auto_reloads
     WHERE client_id = ? AND type = 'auto_reload' AND at >= ?`,
  );
  // One seek on the primary key (client_id, seq) per client, in one statement.
  const lastSeqs = db
    .prepare<[], string>(
      `SELECT id || ' ' || coalesce((SELECT max(seq) FROM ledger_entries WHERE client_id = clients.id), 0)
       FROM clients`,
    )
    .pluck();
  const firstMention = db.prepare<[string, string], { at: string }>(
    'SELECT at FROM ledger_entries WHERE client_id = ? AND top_up_id = ? ORDER BY seq LIMIT 1',
  );

  function clientKey(clientId: string): number {
    const key = readKey.get(clientId)?.key ?? addKey.get(clientId)?.key;
    if (key === undefined || key > MAX_CLIENT_KEYS)
      throw new RangeError('Too many clients to index the ledger');
    return key;
  }

  return {
    /**
     * Stores entries the cache does not have yet and indexes them for search;
     * returns how many were new. Callers wrap it in a transaction.
     */
    insertMany(entries: readonly LedgerEntry[]): number {
      const inserted: LedgerEntry[] = [];
      let keyOf = '';
      let key = 0;
      for (const entry of entries) {
        if (insert.run(entry).changes === 0) continue;
        inserted.push(entry);
        if (entry.seq > MAX_SEARCHABLE_SEQ)
          throw new RangeError(`Ledger seq ${entry.seq} is too large to index`);
        if (keyOf !== entry.client_id) {
          key = clientKey(entry.client_id);
          keyOf = entry.client_id;
        }
        index.run(searchRowid(key, entry.seq), entry.description, referenceText(entry));
      }
      daily.record(inserted);
      return inserted.length;
    },
    /** The number that places a client's entries in the search index, or null before any entry. */
    searchKey(clientId: string): number | null {
      return readKey.get(clientId)?.key ?? null;
    },
    /** A client's credit log, oldest first. */
    listForClient(clientId: string): LedgerEntry[] {
      return listForClient.all(clientId);
    },
    /** Oldest first, streamed: the whole log of a big client never sits in memory. */
    iterateAfter(clientId: string, afterSeq: number): IterableIterator<LedgerEntry> {
      return listAfter.iterate(clientId, afterSeq);
    },
    /** The purchase that opened each named top-up bucket (found through a small partial index). */
    purchases(clientId: string, topUpIds: readonly string[]): PurchaseRow[] {
      return purchases.all(clientId, JSON.stringify(topUpIds));
    },
    /** Tokens of each top-up and Auto Reload between two instants (ISO, end excluded). */
    boughtBetween(clientId: string, from: string, to: string): number[] {
      return boughtBetween.all(clientId, from, to).map((row) => row.amount);
    },
    /** Auto Reloads since an instant (ISO): a monthly limit counts them from the cycle's start. */
    autoReloadsSince(clientId: string, from: string): number {
      return autoReloadsSince.get(clientId, from)?.n ?? 0;
    },
    /**
     * Each client's latest cached seq (0 before any entry). The log is append-only, so a seq names every entry
     * before it too: while it is unchanged, nothing derived from the client's log has changed.
     */
    lastSeqs(): Map<string, number> {
      return new Map(
        lastSeqs.all().map((text) => {
          const gap = text.lastIndexOf(' ');
          return [text.slice(0, gap), Number(text.slice(gap + 1))];
        }),
      );
    },
    /** When a top-up bucket was first mentioned, for one with no purchase entry in the log. */
    firstMention(clientId: string, topUpId: string): string | null {
      return firstMention.get(clientId, topUpId)?.at ?? null;
    },
    countForClient(clientId: string): number {
      return countForClient.get(clientId)?.n ?? 0;
    },
    /**
     * Drops a client's entries and their search rows. The search rows go before
     * the key that locates them, since a freed key can be handed to a new client.
     * Callers wrap it in a transaction.
     */
    removeClient(clientId: string): void {
      const key = readKey.get(clientId)?.key;
      if (key !== undefined) {
        unindexRange.run(searchRowid(key, 0), searchRowid(key, MAX_SEARCHABLE_SEQ));
        removeKey.run(clientId);
      }
      removeEntries.run(clientId);
      daily.forget(clientId);
    },
  };
}

export type LedgerEntriesRepo = ReturnType<typeof createLedgerEntriesRepo>;
