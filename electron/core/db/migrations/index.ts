import { sql as initial } from './001-initial';
import { sql as creditLog } from './002-credit-log';
import { sql as clientLimits } from './003-client-limits';
import { sql as purchaseStates } from './004-purchase-states';
import { sql as journalMovesOut } from './005-journal-moves-out';
import { sql as clientSyncProblems } from './006-client-sync-problems';
import { sql as invoiceOrigin } from './007-invoice-origin';
import { sql as clientShareLeft } from './008-client-share-left';
import { sql as cardDeclined } from './009-card-declined';
import { sql as clientDailyLedger } from './010-client-daily-ledger';
import { sql as insightIndexes } from './011-insight-indexes';
import { sql as searchPrefixes } from './012-search-prefixes';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; strictly increasing from 1. */
  version: number;
  name: string;
  sql: string;
}

/** Append-only: a new schema change is a new entry at the end. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'credit-log', sql: creditLog },
  { version: 3, name: 'client-limits', sql: clientLimits },
  { version: 4, name: 'purchase-states', sql: purchaseStates },
  { version: 5, name: 'journal-moves-out', sql: journalMovesOut },
  { version: 6, name: 'client-sync-problems', sql: clientSyncProblems },
  { version: 7, name: 'invoice-origin', sql: invoiceOrigin },
  { version: 8, name: 'client-share-left', sql: clientShareLeft },
  { version: 9, name: 'card-declined', sql: cardDeclined },
  { version: 10, name: 'client-daily-ledger', sql: clientDailyLedger },
  { version: 11, name: 'insight-indexes', sql: insightIndexes },
  { version: 12, name: 'search-prefixes', sql: searchPrefixes },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
