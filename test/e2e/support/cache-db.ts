/** Inspects the app's cache.sqlite from outside, only while no web host has it open. */
import Database from 'better-sqlite3';

export interface LedgerSummary {
  count: number;
  maxSeq: number;
}

function withCache<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function integrityCheck(path: string): string {
  return withCache(path, (db) => String(db.pragma('integrity_check', { simple: true })));
}

/** Entry count and highest sequence number per client in the cached credit log. */
export function cachedLedgerSummaries(path: string): Map<string, LedgerSummary> {
  return withCache(path, (db) => {
    const rows = db
      .prepare(
        'SELECT client_id AS clientId, COUNT(*) AS count, MAX(seq) AS maxSeq FROM ledger_entries GROUP BY client_id',
      )
      .all() as Array<{ clientId: string } & LedgerSummary>;
    return new Map(rows.map(({ clientId, count, maxSeq }) => [clientId, { count, maxSeq }]));
  });
}

export function cachedClientIds(path: string): string[] {
  return withCache(path, (db) =>
    (db.prepare('SELECT id FROM clients ORDER BY id').all() as Array<{ id: string }>).map((row) => row.id),
  );
}
