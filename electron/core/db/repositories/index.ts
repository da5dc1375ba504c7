import type Database from 'better-sqlite3';
import { createAccountRepo } from './account-repo';
import { createClientsRepo } from './clients-repo';
import { createInvoicesRepo } from './invoices-repo';
import { createCreditLogQueries } from './credit-log-queries';
import { createDailyLedgerRepo } from './daily-ledger-repo';
import { createLedgerEntriesRepo } from './ledger-entries-repo';
import { createLedgerReplayRepo } from './ledger-replay-repo';
import { createMetaRepo } from './meta-repo';
import { createPacksRepo } from './packs-repo';
import { createPlansRepo } from './plans-repo';
import { createPurchaseJournalRepo } from '../journal/purchase-journal-repo';
import { createSyncCursorsRepo } from './sync-cursors-repo';
import { createSyncProblemsRepo } from './sync-problems-repo';

export function createRepositories(db: Database.Database, now: () => Date = () => new Date()) {
  const dailyLedger = createDailyLedgerRepo(db);
  const ledger = createLedgerEntriesRepo(db, dailyLedger);
  return {
    account: createAccountRepo(db),
    clients: createClientsRepo(db),
    packs: createPacksRepo(db),
    plans: createPlansRepo(db),
    ledger,
    dailyLedger,
    ledgerReplay: createLedgerReplayRepo(db, ledger),
    creditLog: createCreditLogQueries(db),
    invoices: createInvoicesRepo(db),
    syncCursors: createSyncCursorsRepo(db, now),
    syncProblems: createSyncProblemsRepo(db),
    purchases: createPurchaseJournalRepo(db, now),
    meta: createMetaRepo(db),
    /**
     * Runs many reads as one read transaction: one snapshot of the cache, and SQLite's lock and journal checks
     * once instead of before every statement, which was a third of the dashboard's time with 500 clients.
     */
    readTogether<T>(read: () => T): T {
      return db.transaction(read)();
    },
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
      DELETE FROM ledger_replay;
      DELETE FROM ledger_entries;
      DELETE FROM client_daily_ledger;
      DELETE FROM ledger_client_keys;
      INSERT INTO ledger_search (ledger_search) VALUES ('delete-all');
      DELETE FROM invoices;
      DELETE FROM clients;
      DELETE FROM packs;
      DELETE FROM plans;
      DELETE FROM account;
      DELETE FROM sync_cursors;
      DELETE FROM client_sync_problems;
    `);
  })();
}

/**
 * Forgets clients the billing service no longer lists, with their credit log
 * (and its search rows and replayed buckets), invoices and sync cursors, in one
 * transaction. Their purchases stay in the journal, like in clearMirroredData.
 */
export function removeClients(
  db: Database.Database,
  repos: Repositories,
  clientIds: readonly string[],
): void {
  db.transaction(() => {
    for (const clientId of clientIds) {
      repos.ledger.removeClient(clientId);
      repos.ledgerReplay.forget(clientId);
      repos.invoices.removeForClient(clientId);
      repos.syncCursors.forgetClient(clientId);
      repos.syncProblems.clear(clientId);
      repos.clients.remove(clientId);
    }
  })();
}
