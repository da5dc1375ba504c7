import type { SandboxDb } from './open-store';

/** Children before parents, so foreign keys hold at every step. */
const TABLES_IN_DELETE_ORDER = [
  'outbox',
  'charges',
  'checkout_sessions',
  'setup_sessions',
  'card_declines',
  'top_up_keys',
  'top_ups',
  'client_billing',
  'usage_submissions',
  'idempotency_keys',
  'invoice_sequences',
  'saved_card',
  'ledger',
  'invoices',
  'clients',
  'packs',
  'plans',
  'agency',
  'meta',
];

/** Empties every table (for POST /sandbox/reset); the caller reseeds in the same transaction. */
export function clearStore(db: SandboxDb): void {
  for (const table of TABLES_IN_DELETE_ORDER) db.prepare(`DELETE FROM ${table}`).run();
}
