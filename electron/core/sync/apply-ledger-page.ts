import type Database from 'better-sqlite3';
import type { LedgerEntry } from '../../../shared/api/billing-api';
import { BillingApiError } from '../billing-api/billing-api-error';
import type { Repositories } from '../db/repositories';

export function rejectPage(what: string, problem: string): never {
  throw new BillingApiError(
    'validation',
    `The billing API sent an unexpected response for ${what} (${problem}).`,
  );
}

function checkLedgerPage(clientId: string, afterSeq: number, entries: readonly LedgerEntry[]): void {
  let previous = afterSeq;
  for (const entry of entries) {
    if (entry.client_id !== clientId)
      rejectPage(`client ${clientId}'s ledger`, `entry ${entry.id} belongs to ${entry.client_id}`);
    if (entry.seq <= previous)
      rejectPage(`client ${clientId}'s ledger`, `seq ${entry.seq} after ${previous}`);
    previous = entry.seq;
  }
}

/**
 * The sync's only way to write the credit log: checks a page whole, then stores
 * its entries, their search index, the client's replayed buckets and the cursor
 * in one transaction, so a crash at any moment leaves a consistent cache.
 * Returns how many entries were new.
 */
export function applyLedgerPage(
  db: Database.Database,
  repos: Pick<Repositories, 'ledger' | 'ledgerReplay' | 'syncCursors'>,
  clientId: string,
  afterSeq: number,
  entries: readonly LedgerEntry[],
): number {
  checkLedgerPage(clientId, afterSeq, entries);
  const last = entries.at(-1);
  if (!last) return 0;
  return db.transaction(() => {
    const inserted = repos.ledger.insertMany(entries);
    repos.ledgerReplay.advance(clientId, entries);
    repos.syncCursors.setLedgerAfterSeq(clientId, last.seq);
    return inserted;
  })();
}
