/**
 * The client list's SQL: searched, filtered and sorted in SQLite, a page at a time by keyset (the sort value and
 * id of the last row seen), so the thousandth client costs what the first does.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../../shared/ipc/errors';
import type { ClientListShow, ClientSortKey, SortDirection } from '../../../../shared/ipc/models';

/** What the client list shows, as one positional row: only these columns, no per-row objects from SQLite. */
export type ClientListRow = [
  id: string,
  name: string,
  planTier: string,
  planName: string,
  tokensPerCycle: number,
  renewalDate: string,
  balanceTotal: number,
  balancePlan: number,
  balanceTopUp: number,
  updatedAt: string,
  /** Why the last sync set the client aside, and when; null while it syncs. */
  syncProblem: string | null,
  syncProblemAt: string | null,
  /** The blocked submission (tokens it needs, its description) until it is resubmitted; null when none. */
  blockedTokens: number | null,
  blockedDescription: string | null,
];

/** A list row with what places it in the order: blocked now (1/0) and the sort column's value. */
type PositionedRow = [...ClientListRow, blocked: number, sortValue: string | number];

export interface ClientListQuery {
  search: string;
  sort: ClientSortKey;
  direction: SortDirection;
  show: ClientListShow;
}

export interface ClientListSlice {
  rows: ClientListRow[];
  /** Where the next page starts, or null after the last row. Opaque to callers. */
  nextCursor: string | null;
  /** Every client matching the search and filter, on this page or not. */
  matching: number;
}

/** Sort keys map to indexed columns only; never interpolate caller text into ORDER BY. */
const SORT_COLUMNS: Record<ClientSortKey, string> = {
  name: 'c.name_folded',
  // The share of the allocation left (migration 008 indexes exactly this expression).
  balance: '(c.balance_total * 1.0 / max(c.plan_tokens_per_cycle, 1))',
  renewal: 'c.renewal_date',
};

/** Blocked now: a refused submission the balance still does not cover. */
const BLOCKED_SQL = `(c.balance_total < coalesce(json_extract(c.insufficient_tokens_json, '$.tokens_requested'), 0))`;

const LIST_COLUMNS = [
  'c.id',
  'c.name',
  'c.plan_tier',
  'c.plan_name',
  'c.plan_tokens_per_cycle',
  'c.renewal_date',
  'c.balance_total',
  'c.balance_plan',
  'c.balance_top_up',
  'c.updated_at',
  'p.message',
  'p.at',
  "json_extract(c.insufficient_tokens_json, '$.tokens_requested')",
  "json_extract(c.insufficient_tokens_json, '$.description')",
];

/** Case- and accent-insensitive form of a name, stored so search can use SQL. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** [blocked now (1/0), the sort column's value, id] of the last row of a page. */
const ListCursor = z.tuple([
  z.union([z.literal(0), z.literal(1)]),
  z.union([z.string(), z.number()]),
  z.string(),
]);

function encodeCursor(row: PositionedRow): string {
  return JSON.stringify([row[14], row[15], row[0]]);
}

function decodeCursor(text: string): { blocked: number; value: string | number; id: string } {
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: refused below like any other cursor this code did not make.
  }
  const parsed = ListCursor.safeParse(json);
  if (!parsed.success)
    throw new AppError('validation', 'This page of the client list no longer exists; load the list again.');
  const [blocked, value, id] = parsed.data;
  return { blocked, value, id };
}

/** Builds and keeps one statement per order, filter and page position. */
export function createClientListStatements(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  const counts = new Map<ClientListShow, Database.Statement<[{ pattern: string }], number>>();

  function where(show: ClientListShow): string {
    return `c.name_folded LIKE @pattern ESCAPE '\\' ${show === 'blocked' ? `AND ${BLOCKED_SQL}` : ''}`;
  }

  function pageStatement(query: ClientListQuery, afterCursor: boolean): Database.Statement {
    const { sort, direction, show } = query;
    const key = `${sort}:${direction}:${show}:${afterCursor}`;
    const existing = statements.get(key);
    if (existing) return existing;
    const desc = direction === 'desc';
    const dir = desc ? 'DESC' : 'ASC';
    const column = SORT_COLUMNS[sort];
    // Under the default order (name, A to Z) blocked clients come first: they cannot work until someone acts.
    const blockedFirst = sort === 'name' && !desc;
    const past = `(${column}, c.id) ${desc ? '<' : '>'} (@value, @id)`;
    const after = blockedFirst
      ? `AND (${BLOCKED_SQL} < @blocked OR (${BLOCKED_SQL} = @blocked AND ${past}))`
      : `AND ${past}`;
    const statement = db.prepare(
      `SELECT ${LIST_COLUMNS.join(', ')}, ${BLOCKED_SQL}, ${column}
       FROM clients c LEFT JOIN client_sync_problems p ON p.client_id = c.id
       WHERE ${where(show)} ${afterCursor ? after : ''}
       ORDER BY ${blockedFirst ? `${BLOCKED_SQL} DESC, ` : ''}${column} ${dir}, c.id ${dir}
       LIMIT @limit`,
    );
    statements.set(key, statement);
    return statement;
  }

  function countStatement(show: ClientListShow) {
    let statement = counts.get(show);
    if (!statement) {
      statement = db
        .prepare<[{ pattern: string }], number>(`SELECT count(*) FROM clients c WHERE ${where(show)}`)
        .pluck();
      counts.set(show, statement);
    }
    return statement;
  }

  return {
    /** Up to `limit` rows after `after` (a cursor from an earlier page), or every row when `limit` is null. */
    page(query: ClientListQuery, after: string | null, limit: number | null): ClientListSlice {
      const pattern = likeContains(foldForSearch(query.search.trim()));
      const cursor = after === null ? null : decodeCursor(after);
      // One row more than asked says whether another page follows.
      const fetch = limit === null ? -1 : limit + 1;
      const rows = pageStatement(query, cursor !== null)
        .raw()
        .all({ pattern, limit: fetch, ...cursor }) as PositionedRow[];
      const more = limit !== null && rows.length > limit;
      const kept = more ? rows.slice(0, limit) : rows;
      const last = kept.at(-1);
      return {
        rows: kept.map((row) => row.slice(0, 14) as ClientListRow),
        nextCursor: more && last ? encodeCursor(last) : null,
        matching: countStatement(query.show).get({ pattern }) ?? 0,
      };
    },
  };
}
