/**
 * The credit log as the Credits tab reads it: newest first, filtered, one
 * keyset page at a time (seq below a cursor, never OFFSET), so the millionth
 * row costs what the first does.
 */
import type Database from 'better-sqlite3';
import { LEDGER_ENTRY_TYPES, type LedgerEntry } from '../../../../shared/api/billing-api';
import type { LedgerFilter, LedgerFilterType } from '../../../../shared/ipc/ledger-models';
import { CLIENT_KEY_FACTOR, MAX_SEARCHABLE_SEQ } from '../../ledger/ledger-search-key';
import { hasWordPrefixes, toFtsPhrase, toFtsQuery, toShortenedFtsQuery } from '../../ledger/search-query';
import { LEDGER_COLUMNS, referenceText } from './ledger-entries-repo';

export type CreditLogRow = LedgerEntry & { invoice_number: string | null };

type Params = Record<string, string | number>;

interface Query {
  /** Tables and joins up to WHERE. */
  from: string;
  where: string[];
  order: string;
  params: Params;
}

const OTHER_TYPES: LedgerFilterType = 'other';
const SELECTED = `${LEDGER_COLUMNS.map((c) => `e.${c}`).join(', ')}, i.number AS invoice_number`;
const WITH_INVOICE = 'LEFT JOIN invoices i ON i.id = e.invoice_id';

function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function dateConditions(filter: LedgerFilter, params: Params): string[] {
  const where: string[] = [];
  if (filter.from) {
    params.fromAt = filter.from;
    where.push('e.at >= @fromAt');
  }
  if (filter.to) {
    params.beforeAt = nextDay(filter.to);
    where.push('e.at < @beforeAt');
  }
  return where;
}

export function createCreditLogQueries(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const searchKey = db.prepare<[string], { key: number }>(
    'SELECT key FROM ledger_client_keys WHERE client_id = ?',
  );
  const countAll = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM ledger_entries WHERE client_id = ?',
  );

  /**
   * Null when the filter cannot match anything (a search for a client with no
   * indexed entries). `before` bounds seq from above, exclusive.
   */
  /** `other` matches every type this version does not know, so a newer API's entries can still be found. */
  function typeConditionOf(types: readonly string[], params: Params): string | null {
    const known = types.filter((type) => type !== OTHER_TYPES);
    const conditions: string[] = [];
    known.forEach((type, n) => (params[`type${n}`] = type));
    if (known.length > 0) conditions.push(`e.type IN (${known.map((_, n) => `@type${n}`).join(', ')})`);
    if (known.length < types.length) {
      LEDGER_ENTRY_TYPES.forEach((type, n) => (params[`known${n}`] = type));
      conditions.push(`e.type NOT IN (${LEDGER_ENTRY_TYPES.map((_, n) => `@known${n}`).join(', ')})`);
    }
    if (conditions.length === 0) return null;
    return conditions.length === 1 ? (conditions[0] ?? null) : `(${conditions.join(' OR ')})`;
  }

  /** `match` replaces the FTS query the search text makes (see searchPage). */
  function build(
    clientId: string,
    filter: LedgerFilter,
    before: number | null,
    types: readonly string[],
    match: string | null = filter.search === '' ? null : toFtsQuery(filter.search),
  ): Query | null {
    const params: Params = { clientId, before: before ?? MAX_SEARCHABLE_SEQ + 1 };
    const where = ['e.client_id = @clientId', 'e.seq < @before', ...dateConditions(filter, params)];
    const typeCondition = typeConditionOf(types, params);
    if (typeCondition !== null) where.push(typeCondition);
    // Without statistics SQLite walks the primary key and filters; one known type is a direct (type, seq) walk.
    const oneKnownType = types.length === 1 && types[0] !== OTHER_TYPES;
    const entries = oneKnownType
      ? 'ledger_entries e INDEXED BY ledger_entries_by_client_type'
      : 'ledger_entries e';
    if (filter.search !== '' && match === null) return null;
    if (match === null) return { from: `${entries} ${WITH_INVOICE}`, where, order: 'e.seq DESC', params };

    const key = searchKey.get(clientId)?.key;
    if (key === undefined) return null;
    const base = key * CLIENT_KEY_FACTOR;
    Object.assign(params, { base, match: matchWithInvoiceNumbers(clientId, filter.search, match) });
    // The index drives: matches come newest first within the client's rowid range, each joined by primary key.
    return {
      from: `ledger_search s CROSS JOIN ledger_entries e ON e.client_id = @clientId AND e.seq = s.rowid - @base ${WITH_INVOICE}`,
      where: [
        'ledger_search MATCH @match',
        's.rowid > @base',
        's.rowid < @base + @before',
        ...where.slice(1),
      ],
      order: 's.rowid DESC',
      params,
    };
  }

  const invoicesByNumber = db
    .prepare<[string, string], string>(
      'SELECT id FROM invoices WHERE client_id = ? AND instr(lower(number), lower(?)) > 0 LIMIT 50',
    )
    .pluck();

  /** Invoice numbers are not in the entries; an entry is found by its invoice's number too. */
  function matchWithInvoiceNumbers(clientId: string, search: string, match: string): string {
    const phrases = invoicesByNumber
      .all(clientId, search)
      .map((id) => toFtsPhrase(id))
      .filter((phrase) => phrase !== null)
      .map((phrase) => `refs : ${phrase}`);
    return phrases.length === 0 ? match : `(${match}) OR ${phrases.join(' OR ')}`;
  }

  function pageOfType(
    clientId: string,
    filter: LedgerFilter,
    before: number | null,
    limit: number,
    types: readonly string[],
    match?: string,
  ): CreditLogRow[] {
    const query = build(clientId, filter, before, types, match);
    if (!query) return [];
    const sql = `SELECT ${SELECTED} FROM ${query.from} WHERE ${query.where.join(' AND ')} ORDER BY ${query.order} LIMIT ${Math.trunc(limit)}`;
    return prepared(sql).all(query.params) as CreditLogRow[];
  }

  /**
   * A word with no prefix index of its own length would make FTS5 read the doclist of every word it starts
   * (all 200,000 "newsletter" rows) before the first row. Cut to the longest kept prefix, it walks the index
   * newest first instead, and each row found is checked for the whole word; only when such rows turn out mostly
   * not to match does the exact query take over, from where the walk stopped.
   */
  function searchPage(
    clientId: string,
    filter: LedgerFilter,
    before: number | null,
    limit: number,
    types: readonly string[],
  ): CreditLogRow[] {
    const shortened = toShortenedFtsQuery(filter.search);
    if (!shortened) return pageOfType(clientId, filter, before, limit, types);
    const byInvoiceNumber = new Set(invoicesByNumber.all(clientId, filter.search));
    const matches = (row: CreditLogRow) =>
      hasWordPrefixes(`${row.description} ${referenceText(row)}`, shortened.cutWords) ||
      (row.invoice_id !== null && byInvoiceNumber.has(row.invoice_id));
    const rows: CreditLogRow[] = [];
    let cursor = before;
    for (;;) {
      const candidates = pageOfType(clientId, filter, cursor, limit, types, shortened.match);
      const matched = candidates.filter(matches);
      rows.push(...matched.slice(0, limit - rows.length));
      const last = candidates.at(-1);
      if (rows.length === limit || candidates.length < limit || !last) return rows;
      cursor = last.seq;
      // Walking on costs a row fetched per candidate; where most miss, the exact query is cheaper.
      if (matched.length * 2 < candidates.length) break;
    }
    return [...rows, ...pageOfType(clientId, filter, cursor, limit - rows.length, types)];
  }

  return {
    /** Newest first, strictly older than `before` (a seq) when given. */
    page(clientId: string, filter: LedgerFilter, before: number | null, limit: number): CreditLogRow[] {
      const types = [...new Set(filter.types)].sort();
      if (filter.search !== '') return searchPage(clientId, filter, before, limit, types);
      if (types.length <= 1) return pageOfType(clientId, filter, before, limit, types);
      // One ordered index walk per type, merged: an IN list would make SQLite sort every matching row.
      return types
        .flatMap((type) => pageOfType(clientId, filter, before, limit, [type]))
        .sort((a, b) => b.seq - a.seq)
        .slice(0, limit);
    },
    count(clientId: string, filter: LedgerFilter): { matching: number; total: number } {
      const total = countAll.get(clientId)?.n ?? 0;
      const unfiltered = filter.types.length === 0 && !filter.from && !filter.to && filter.search === '';
      if (unfiltered) return { matching: total, total };
      const query = build(clientId, filter, null, [...new Set(filter.types)]);
      if (!query) return { matching: 0, total };
      const sql = `SELECT count(*) AS n FROM ${query.from} WHERE ${query.where.join(' AND ')}`;
      const row = prepared(sql).get(query.params) as { n: number } | undefined;
      return { matching: row?.n ?? 0, total };
    },
  };
}

export type CreditLogQueries = ReturnType<typeof createCreditLogQueries>;
