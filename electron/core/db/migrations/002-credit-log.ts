/**
 * The credit log at scale: full-text search, token provenance without a replay
 * of the whole ledger, and purchases found by top-up id.
 *
 * ledger_entries is WITHOUT ROWID, so the search index is contentless and keyed
 * by a rowid built from a small per-client number and the entry's seq
 * (see ledger-search-key.ts): a search for one client is a rowid range, and
 * newest-first paging is a descending rowid walk the FTS index serves directly.
 */
export const sql = `
CREATE TABLE ledger_client_keys (
  key INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE
) STRICT;

CREATE VIRTUAL TABLE ledger_search USING fts5 (
  description,
  refs,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE ledger_replay (
  client_id TEXT PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  state_json TEXT NOT NULL
) STRICT;

CREATE INDEX ledger_entries_purchases ON ledger_entries (client_id, top_up_id)
  WHERE type IN ('top_up', 'auto_reload');

-- Entries cached before this version become searchable; their provenance is replayed on first use.
INSERT INTO ledger_client_keys (client_id) SELECT DISTINCT client_id FROM ledger_entries ORDER BY client_id;
INSERT INTO ledger_search (rowid, description, refs)
SELECT k.key * 1099511627776 + e.seq, e.description, concat_ws(' ', e.top_up_id, e.invoice_id, e.submission_id)
FROM ledger_entries e JOIN ledger_client_keys k ON k.client_id = e.client_id;
`;
