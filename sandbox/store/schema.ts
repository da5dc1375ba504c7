/**
 * The sandbox's own SQLite schema. Rows mirror the Billing API v1 wire format.
 * Versions 2 and 3 only add tables and indexes, so older stores upgrade in place.
 */
export const SCHEMA_VERSION = 3;
export const UPGRADABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS agency (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  user_email TEXT NOT NULL,
  card_brand TEXT,
  card_last4 TEXT,
  card_exp_month INTEGER,
  card_exp_year INTEGER,
  stripe_publishable_key TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS plans (
  tier TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  tokens_per_cycle INTEGER NOT NULL,
  price_amount INTEGER NOT NULL,
  currency TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS packs (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  tokens INTEGER NOT NULL,
  price_amount INTEGER NOT NULL,
  currency TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  plan_tier TEXT NOT NULL REFERENCES plans(tier),
  cycle_start TEXT NOT NULL,
  renewal_date TEXT NOT NULL,
  balance_plan INTEGER NOT NULL CHECK (balance_plan >= 0),
  balance_top_up INTEGER NOT NULL CHECK (balance_top_up >= 0),
  auto_reload_enabled INTEGER NOT NULL,
  auto_reload_threshold INTEGER NOT NULL,
  auto_reload_pack_id TEXT REFERENCES packs(id),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS clients_updated_at ON clients (updated_at, id);

CREATE TABLE IF NOT EXISTS ledger (
  client_id TEXT NOT NULL REFERENCES clients(id),
  seq INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  amount INTEGER NOT NULL,
  balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
  bucket TEXT NOT NULL,
  top_up_id TEXT,
  invoice_id TEXT,
  submission_id TEXT,
  description TEXT NOT NULL,
  PRIMARY KEY (client_id, seq)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS invoices (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  number TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  description TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  lines_json TEXT NOT NULL,
  top_up_id TEXT
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS invoices_by_client ON invoices (client_id, created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS invoice_sequences (
  client_id TEXT PRIMARY KEY REFERENCES clients(id),
  prefix TEXT NOT NULL UNIQUE,
  last_number INTEGER NOT NULL CHECK (last_number >= 0)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS saved_card (
  agency_id TEXT PRIMARY KEY REFERENCES agency(id),
  number TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS usage_submissions (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  tokens INTEGER NOT NULL CHECK (tokens > 0),
  description TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accepted', 'blocked')),
  shortfall INTEGER NOT NULL CHECK (shortfall >= 0),
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS client_billing (
  client_id TEXT PRIMARY KEY REFERENCES clients(id),
  auto_reload_monthly_limit INTEGER CHECK (auto_reload_monthly_limit > 0),
  blocked_submission_id TEXT REFERENCES usage_submissions(id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS top_ups (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL CHECK (kind IN ('top_up', 'auto_reload')),
  pack_id TEXT NOT NULL REFERENCES packs(id),
  tokens INTEGER NOT NULL CHECK (tokens > 0),
  amount INTEGER NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL,
  card_number TEXT NOT NULL,
  status TEXT NOT NULL,
  client_secret TEXT NOT NULL UNIQUE,
  error_code TEXT,
  decline_code TEXT,
  error_message TEXT,
  invoice_id TEXT UNIQUE REFERENCES invoices(id),
  ledger_entry_id TEXT UNIQUE REFERENCES ledger(id),
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS top_ups_by_client ON top_ups (client_id, kind, created_at);

CREATE TABLE IF NOT EXISTS checkout_sessions (
  id TEXT PRIMARY KEY,
  top_up_id TEXT NOT NULL REFERENCES top_ups(id),
  client_secret TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('open', 'complete', 'expired')),
  pending_card TEXT,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

-- The saved card's last decline, until a charge to it succeeds or another card is saved.
CREATE TABLE IF NOT EXISTS card_declines (
  agency_id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  message TEXT NOT NULL
) WITHOUT ROWID;

-- Embedded Checkout in setup mode: saves a new card for the agency without charging it.
CREATE TABLE IF NOT EXISTS setup_sessions (
  id TEXT PRIMARY KEY,
  client_secret TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('open', 'complete')),
  pending_card TEXT,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS charges (
  id TEXT PRIMARY KEY,
  top_up_id TEXT NOT NULL REFERENCES top_ups(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  card_brand TEXT NOT NULL,
  card_last4 TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
  failure_code TEXT,
  decline_code TEXT,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY,
  top_up_id TEXT NOT NULL UNIQUE REFERENCES top_ups(id),
  invoice_id TEXT NOT NULL UNIQUE REFERENCES invoices(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  tokens INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  invoice_number TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS idempotency_keys (
  agency_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, key)
) WITHOUT ROWID;

-- Which top-ups each Idempotency-Key created, kept after the key expires for replays (a pruned key that is
-- reused creates another). A rowid table: the rowid orders top-ups created within the same clock instant.
CREATE TABLE IF NOT EXISTS top_up_keys (
  agency_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  top_up_id TEXT NOT NULL REFERENCES top_ups(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (agency_id, idempotency_key, top_up_id)
);

-- Exactly-once money movement, enforced by the store whatever the code path: one capture, one credit,
-- one invoice and one email per top-up.
CREATE UNIQUE INDEX IF NOT EXISTS charges_one_capture_per_top_up ON charges (top_up_id) WHERE status = 'succeeded';
CREATE UNIQUE INDEX IF NOT EXISTS ledger_one_credit_per_top_up ON ledger (top_up_id)
  WHERE type IN ('top_up', 'auto_reload');
CREATE UNIQUE INDEX IF NOT EXISTS invoices_one_per_top_up ON invoices (top_up_id) WHERE top_up_id IS NOT NULL;
`;
