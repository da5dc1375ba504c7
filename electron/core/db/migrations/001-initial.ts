/**
 * The first cache schema. Migrations are append-only: never edit a released one,
 * add the next numbered file instead. Tables are STRICT so a wrong type fails loudly.
 */
export const sql = `
CREATE TABLE account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  agency_id TEXT NOT NULL,
  agency_name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  user_email TEXT NOT NULL,
  card_brand TEXT,
  card_last4 TEXT,
  card_exp_month INTEGER,
  card_exp_year INTEGER,
  stripe_publishable_key TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  plan_tier TEXT NOT NULL,
  plan_name TEXT NOT NULL,
  plan_tokens_per_cycle INTEGER NOT NULL,
  plan_price_amount INTEGER NOT NULL,
  plan_price_currency TEXT NOT NULL,
  cycle_start TEXT NOT NULL,
  renewal_date TEXT NOT NULL,
  balance_total INTEGER NOT NULL,
  balance_plan INTEGER NOT NULL,
  balance_top_up INTEGER NOT NULL,
  auto_reload_enabled INTEGER NOT NULL CHECK (auto_reload_enabled IN (0, 1)),
  auto_reload_threshold INTEGER NOT NULL,
  auto_reload_pack_id TEXT,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX clients_by_name ON clients (name_folded, id);
CREATE INDEX clients_by_balance ON clients (balance_total, id);
CREATE INDEX clients_by_renewal ON clients (renewal_date, id);
CREATE INDEX clients_by_updated_at ON clients (updated_at);

CREATE TABLE packs (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  tokens INTEGER NOT NULL,
  price_amount INTEGER NOT NULL,
  price_currency TEXT NOT NULL
) STRICT;

CREATE TABLE plans (
  tier TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  tokens_per_cycle INTEGER NOT NULL,
  price_amount INTEGER NOT NULL,
  price_currency TEXT NOT NULL
) STRICT;

CREATE TABLE ledger_entries (
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  id TEXT NOT NULL,
  at TEXT NOT NULL,
  type TEXT NOT NULL,
  amount INTEGER NOT NULL,
  balance_after INTEGER NOT NULL,
  bucket TEXT NOT NULL,
  top_up_id TEXT,
  invoice_id TEXT,
  submission_id TEXT,
  description TEXT NOT NULL,
  PRIMARY KEY (client_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX ledger_entries_by_client_time ON ledger_entries (client_id, at);
CREATE INDEX ledger_entries_by_client_type ON ledger_entries (client_id, type, seq);

CREATE TABLE invoices (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  number TEXT NOT NULL,
  created_at TEXT NOT NULL,
  description TEXT NOT NULL,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL,
  lines_json TEXT NOT NULL,
  hosted_url TEXT NOT NULL,
  top_up_id TEXT
) STRICT;
CREATE INDEX invoices_by_client_created ON invoices (client_id, created_at DESC, id);

CREATE TABLE sync_cursors (
  resource TEXT NOT NULL,
  client_id TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (resource, client_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE purchase_journal (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  top_up_id TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX purchase_journal_by_state ON purchase_journal (state, created_at);
CREATE INDEX purchase_journal_by_client ON purchase_journal (client_id, created_at);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`;
