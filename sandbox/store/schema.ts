/** The sandbox's own SQLite schema. Rows mirror the Billing API v1 wire format. */
export const SCHEMA_VERSION = 1;

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
`;
