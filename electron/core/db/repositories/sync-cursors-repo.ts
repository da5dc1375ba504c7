import type Database from 'better-sqlite3';

type Resource = 'ledger' | 'invoices' | 'clients' | 'sync';
const GLOBAL = '';

/**
 * Where each sync stream left off. Written in the same transaction as the data
 * it describes, so an interrupted sync resumes exactly where it stopped.
 */
export function createSyncCursorsRepo(db: Database.Database, now: () => Date = () => new Date()) {
  const read = db.prepare<[Resource, string], { value: string }>(
    'SELECT value FROM sync_cursors WHERE resource = ? AND client_id = ?',
  );
  const write = db.prepare<[Resource, string, string, string]>(
    `INSERT INTO sync_cursors (resource, client_id, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (resource, client_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const forgetInvoices = db.prepare("DELETE FROM sync_cursors WHERE resource = 'invoices'");
  const forgetClient = db.prepare<[string]>('DELETE FROM sync_cursors WHERE client_id = ?');
  const get = (resource: Resource, clientId: string) => read.get(resource, clientId)?.value ?? null;
  const set = (resource: Resource, clientId: string, value: string) =>
    write.run(resource, clientId, value, now().toISOString());

  return {
    /** The highest ledger seq stored for a client (0 when none). */
    ledgerAfterSeq(clientId: string): number {
      return Number(get('ledger', clientId) ?? 0);
    },
    setLedgerAfterSeq(clientId: string, seq: number): void {
      set('ledger', clientId, String(seq));
    },
    /** The client `updated_at` for which the invoice list was last fetched whole. */
    invoicesSyncedFor(clientId: string): string | null {
      return get('invoices', clientId);
    },
    setInvoicesSyncedFor(clientId: string, clientUpdatedAt: string): void {
      set('invoices', clientId, clientUpdatedAt);
    },
    /** Makes the next sync fetch every invoice list again. */
    forgetInvoicesSynced(): void {
      forgetInvoices.run();
    },
    /** Drops a client's cursors (never the global ones, which have no client). */
    forgetClient(clientId: string): void {
      if (clientId !== GLOBAL) forgetClient.run(clientId);
    },
    /** Newest client `updated_at` seen, sent back as `updated_since`. */
    clientsUpdatedSince(): string | null {
      return get('clients', GLOBAL);
    },
    setClientsUpdatedSince(at: string): void {
      set('clients', GLOBAL, at);
    },
    lastSyncedAt(): string | null {
      return get('sync', GLOBAL);
    },
    setLastSyncedAt(at: string): void {
      set('sync', GLOBAL, at);
    },
  };
}

export type SyncCursorsRepo = ReturnType<typeof createSyncCursorsRepo>;
