import type Database from 'better-sqlite3';
import { createAccountRepo } from './account-repo';
import { createClientsRepo } from './clients-repo';
import { createInvoicesRepo } from './invoices-repo';
import { createLedgerEntriesRepo } from './ledger-entries-repo';
import { createMetaRepo } from './meta-repo';
import { createPacksRepo } from './packs-repo';
import { createPlansRepo } from './plans-repo';
import { createPurchaseJournalRepo } from './purchase-journal-repo';
import { createSyncCursorsRepo } from './sync-cursors-repo';

export function createRepositories(db: Database.Database, now: () => Date = () => new Date()) {
  return {
    account: createAccountRepo(db),
    clients: createClientsRepo(db),
    packs: createPacksRepo(db),
    plans: createPlansRepo(db),
    ledger: createLedgerEntriesRepo(db),
    invoices: createInvoicesRepo(db),
    syncCursors: createSyncCursorsRepo(db, now),
    purchases: createPurchaseJournalRepo(db, now),
    meta: createMetaRepo(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/**
 * Forgets everything mirrored from the billing service (used when switching to a
 * different backend). The purchase journal is kept: it is the app's own record
 * of payments and must never be lost silently.
 */
export function clearMirroredData(db: Database.Database): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM ledger_entries;
      DELETE FROM invoices;
      DELETE FROM clients;
      DELETE FROM packs;
      DELETE FROM plans;
      DELETE FROM account;
      DELETE FROM sync_cursors;
    `);
  })();
}
