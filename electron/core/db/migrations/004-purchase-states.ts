/**
 * The purchase journal grows into the app's own record of every manual top-up:
 * Stripe-shaped states, what was bought and for how much, the card, the payment
 * error and the outcome. SQLite cannot change a table's columns in place, so the
 * table is rebuilt and old rows are mapped: `created` was never sent (pending),
 * `submitted` may have been charged (processing, replayed with its key).
 * A partial UNIQUE index keeps at most one unfinished purchase per client.
 */
export const sql = `
CREATE TABLE purchase_journal_v4 (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  client_name TEXT NOT NULL,
  pack_id TEXT NOT NULL,
  tokens INTEGER NOT NULL CHECK (tokens >= 0),
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('pending', 'processing', 'requires_action', 'requires_payment_method',
    'succeeded', 'canceled', 'failed')),
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
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

INSERT INTO purchase_journal_v4 (id, client_id, client_name, pack_id, tokens, amount, currency, idempotency_key,
  state, top_up_id, error_code, error_message, created_at, updated_at)
SELECT j.id, j.client_id, coalesce(c.name, j.client_id), j.pack_id, coalesce(p.tokens, 0),
  coalesce(p.price_amount, 0), coalesce(p.price_currency, 'USD'), j.idempotency_key,
  CASE j.state WHEN 'created' THEN 'pending' WHEN 'submitted' THEN 'processing'
    WHEN 'succeeded' THEN 'succeeded' ELSE 'failed' END,
  j.top_up_id,
  CASE WHEN j.state = 'failed' THEN 'failed' END,
  CASE WHEN j.state = 'failed' THEN coalesce(j.error, 'The purchase failed.') END,
  j.created_at, j.updated_at
FROM purchase_journal j
LEFT JOIN clients c ON c.id = j.client_id
LEFT JOIN packs p ON p.id = j.pack_id;

-- The old journal allowed several open purchases per client; one stays open. A never-sent one
-- next to another is simply canceled; of several possibly charged ones the newest stays.
UPDATE purchase_journal_v4 AS old
SET state = 'canceled', error_code = 'not_sent',
  error_message = 'The purchase was not sent to the billing service; no charge was made.'
WHERE old.state = 'pending'
  AND EXISTS (SELECT 1 FROM purchase_journal_v4 AS other
    WHERE other.client_id = old.client_id AND other.id <> old.id
      AND (other.state = 'processing' OR (other.state = 'pending' AND (other.created_at, other.id) > (old.created_at, old.id))));
UPDATE purchase_journal_v4 AS old
SET state = 'failed', error_code = 'superseded',
  error_message = 'Superseded by a later purchase during an app upgrade; the credit log shows whether it was charged.'
WHERE old.state = 'processing'
  AND EXISTS (SELECT 1 FROM purchase_journal_v4 AS newer
    WHERE newer.client_id = old.client_id AND newer.state = 'processing'
      AND (newer.created_at, newer.id) > (old.created_at, old.id));

DROP TABLE purchase_journal;
ALTER TABLE purchase_journal_v4 RENAME TO purchase_journal;
CREATE INDEX purchase_journal_by_state ON purchase_journal (state, created_at);
CREATE INDEX purchase_journal_by_client ON purchase_journal (client_id, created_at);
CREATE UNIQUE INDEX purchase_journal_one_open_per_client ON purchase_journal (client_id)
  WHERE state IN ('pending', 'processing', 'requires_action', 'requires_payment_method');
`;
