/**
 * The purchase journal moves out of the cache into its own file (attached as
 * `journal`), where moving a damaged cache aside cannot take the idempotency
 * keys with it. Rows are copied with the workspace the cache belonged to; a
 * cache that never knew its owner or agency leaves them empty, and the first
 * reconciliation adopts them into the workspace it runs in.
 */
export const sql = `
INSERT OR IGNORE INTO journal.purchases (id, workspace_owner, agency_id, client_id, client_name, pack_id, tokens,
  amount, currency, idempotency_key, state, top_up_id, client_secret, error_code, decline_code, error_message,
  card_brand, card_last4, card_exp_month, card_exp_year, balance_total, balance_plan, balance_top_up, invoice_id,
  created_at, updated_at)
SELECT id, coalesce((SELECT value FROM main.meta WHERE key = 'cache_owner'), ''),
  coalesce((SELECT agency_id FROM main.account LIMIT 1), ''), client_id, client_name, pack_id, tokens, amount,
  currency, idempotency_key, state, top_up_id, client_secret, error_code, decline_code, error_message, card_brand,
  card_last4, card_exp_month, card_exp_year, balance_total, balance_plan, balance_top_up, invoice_id, created_at,
  updated_at
FROM main.purchase_journal;
DROP TABLE main.purchase_journal;
`;
