/**
 * The purchase journal's own schema, in its own file (`purchases.sqlite`,
 * attached to the cache connection as `journal`). It is versioned apart from
 * the cache so a cache reset never reaches it; like the cache's, its
 * migrations are append-only and each becomes the file's user_version.
 */
import type { Migration } from '../migrations';

const OPEN_STATES = `'pending', 'processing', 'requires_action', 'requires_payment_method', 'needs_review'`;

const initial = `
CREATE TABLE journal.purchases (
  id TEXT PRIMARY KEY,
  -- Who the purchase was made with: the billing backend (the session owner) and the agency.
  workspace_owner TEXT NOT NULL,
  agency_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_name TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  tokens INTEGER NOT NULL CHECK (tokens >= 0),
  -- The price confirmed by the manager, replaced by what the billing API charged once it succeeded.
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN (${OPEN_STATES}, 'succeeded', 'canceled', 'failed')),
  top_up_id TEXT,
  client_secret TEXT,
  error_code TEXT,
  decline_code TEXT,
  error_message TEXT,
  card_brand TEXT,
  card_last4 TEXT,
  card_exp_month INTEGER,
  card_exp_year INTEGER,
  balance_total INTEGER,
  balance_plan INTEGER,
  balance_top_up INTEGER,
  invoice_id TEXT,
  answer_at TEXT,
  answer_detail TEXT,
  answer_advice TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX journal.purchases_by_state ON purchases (state, created_at);
CREATE UNIQUE INDEX journal.purchases_one_open_per_client ON purchases (workspace_owner, agency_id, client_id)
  WHERE state IN (${OPEN_STATES});
`;

/** Append-only, like the cache's migrations. */
export const journalMigrations: readonly Migration[] = [{ version: 1, name: 'purchases', sql: initial }];

export const JOURNAL_OPEN_STATES_SQL = OPEN_STATES;
