/**
 * The search index keeps prefixes of one, two, three and six letters. A prefix
 * query without its own prefix index reads the whole doclist of every word it
 * matches before returning a row (12 ms for "newsl" at a million entries);
 * with one it walks newest first and stops after a page. Other lengths are
 * looked up by the longest kept prefix and checked (see search-query.ts):
 * every length from one to six made indexing another 13 % slower than these four.
 */
export const sql = `
DROP TABLE ledger_search;

CREATE VIRTUAL TABLE ledger_search USING fts5 (
  description,
  refs,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3 6'
);

INSERT INTO ledger_search (rowid, description, refs)
SELECT k.key * 1099511627776 + e.seq, e.description, concat_ws(' ', e.top_up_id, e.invoice_id, e.submission_id)
FROM ledger_entries e JOIN ledger_client_keys k ON k.client_id = e.client_id;
`;
