import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LEDGER_ENTRY_TYPES,
  LedgerEntryType,
  type Invoice,
  type LedgerEntry,
} from '../../../shared/api/billing-api';
import { isKnownValue } from '../../../shared/api/open-enum';
import { LedgerFilter, type LedgerFilterInput } from '../../../shared/ipc/ledger-models';
import { CACHE_FILE_NAME, openCache, type OpenedCache } from '../../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../../electron/core/db/repositories';
import { applyLedgerPage } from '../../../electron/core/sync/apply-ledger-page';
import { BENCH_CLIENT_ID, benchClient } from '../../../scripts/bench/build-bench-cache';
import { generateLedgerPages } from '../../../scripts/bench/ledger-generator';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const ENTRIES = 3_000;
let cache: OpenedCache;
let dataDir: string;
let repos: Repositories;
let all: LedgerEntry[];
const numbers = new Map<string, string>();

function invoice(id: string, n: number): Invoice {
  return {
    id,
    client_id: BENCH_CLIENT_ID,
    number: `MEM-${String(n).padStart(4, '0')}`,
    created_at: '2026-01-01T00:00:00Z',
    description: 'Top-up',
    amount: { amount: 1000, currency: 'USD' },
    status: 'paid',
    lines: [{ description: 'Pack', quantity: 1, amount: { amount: 1000, currency: 'USD' } }],
    hosted_url: `https://billing.example/${id}`,
    top_up_id: null,
  };
}

beforeEach(() => {
  dataDir = makeTempDir();
  cache = openCache({ dataDir });
  repos = createRepositories(cache.db);
  repos.clients.upsertMany([benchClient(BENCH_CLIENT_ID, 'Million Entry Media', '2026-01-01T00:00:00Z')]);
  all = [];
  let afterSeq = 0;
  for (const generated of generateLedgerPages(BENCH_CLIENT_ID, ENTRIES, 250)) {
    // A newer billing API's kind of entry, as it would arrive: the "Other" filter must find exactly these.
    // And a rare longer word sharing its first letters with a common one ("Newsletter").
    const page = generated.map((e) => {
      if (e.seq % 211 === 0 && e.type === 'usage') return { ...e, type: LedgerEntryType.parse('transfer') };
      if (e.seq % 97 === 5 && e.type === 'usage') return { ...e, description: 'Newsletters digest' };
      return e;
    });
    applyLedgerPage(cache.db, repos, BENCH_CLIENT_ID, afterSeq, page);
    afterSeq = page.at(-1)?.seq ?? afterSeq;
    all.push(...page);
  }
  const invoiceIds = [...new Set(all.flatMap((e) => (e.invoice_id ? [e.invoice_id] : [])))];
  const invoices = invoiceIds.map((id, n) => invoice(id, n + 1));
  for (const inv of invoices) numbers.set(inv.id, inv.number);
  repos.invoices.replaceForClient(BENCH_CLIENT_ID, invoices);
});

afterEach(() => {
  cache.db.close();
  cleanupTempDirs();
});

const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[];

/** What the credit log should show for a filter, computed in plain JS over the same entries. */
function reference(input: LedgerFilterInput): LedgerEntry[] {
  const filter = LedgerFilter.parse(input);
  const query = words(filter.search);
  return all
    .filter(
      (e) =>
        filter.types.length === 0 ||
        filter.types.includes(isKnownValue(LEDGER_ENTRY_TYPES, e.type) ? e.type : 'other'),
    )
    .filter((e) => !filter.from || e.at.slice(0, 10) >= filter.from)
    .filter((e) => !filter.to || e.at.slice(0, 10) <= filter.to)
    .filter((e) => {
      if (filter.search === '') return true;
      const doc = words([e.description, e.top_up_id, e.invoice_id, e.submission_id].join(' '));
      const byWords = query.length > 0 && query.every((q) => doc.some((w) => w.startsWith(q)));
      const number = e.invoice_id ? numbers.get(e.invoice_id) : undefined;
      return byWords || (number !== undefined && number.toLowerCase().includes(filter.search.toLowerCase()));
    })
    .sort((a, b) => b.seq - a.seq);
}

/** Every page by keyset cursor, until the cursor runs out. */
function allPages(input: LedgerFilterInput, limit: number): number[] {
  const filter = LedgerFilter.parse(input);
  const seqs: number[] = [];
  let before: number | null = null;
  for (;;) {
    const rows = repos.creditLog.page(BENCH_CLIENT_ID, filter, before, limit);
    seqs.push(...rows.map((row) => row.seq));
    if (rows.length < limit) return seqs;
    before = rows.at(-1)?.seq ?? null;
  }
}

const middleDay = () => all[Math.floor(all.length / 2)]?.at.slice(0, 10) ?? '';

const FILTERS: [string, () => LedgerFilterInput][] = [
  ['no filter', () => ({})],
  ['one type', () => ({ types: ['refund'] })],
  ['several types', () => ({ types: ['top_up', 'auto_reload', 'plan_allocation'] })],
  ['types this version does not know', () => ({ types: ['other'] })],
  ['known and unknown types together', () => ({ types: ['refund', 'other'] })],
  ['a date range', () => ({ from: all[100]?.at.slice(0, 10) ?? null, to: middleDay() })],
  ['a word prefix', () => ({ search: 'newsl' })],
  ['two words, any order', () => ({ search: 'ad vari' })],
  ['a whole word longer than the indexed prefixes', () => ({ search: 'Newsletter' })],
  ['two long words and a short one', () => ({ search: 'research keyword ke' })],
  ['a rare long word whose first letters are common', () => ({ search: 'newsletters' })],
  ['a long word no entry has', () => ({ search: 'newsletterz' })],
  ['a short word with no prefix index of its length', () => ({ search: 'news' })],
  ['a number with no prefix index of its length', () => ({ search: '1234' })],
  ['a reference id', () => ({ search: all.find((e) => e.top_up_id)?.top_up_id ?? 'x' })],
  ['an invoice number', () => ({ search: numbers.values().next().value ?? 'x' })],
  ['search, type and dates together', () => ({ search: 'review', types: ['usage'], to: middleDay() })],
  ['FTS syntax typed by a person', () => ({ search: '"review" OR NEAR(ad* -blog) col:x ^' })],
  ['punctuation only', () => ({ search: '"*()' })],
];

describe('credit log queries', () => {
  it.each(FILTERS)('match a JS reference for %s, page by page with no gaps or repeats', (_, make) => {
    const filter = make();
    const expected = reference(filter).map((e) => e.seq);
    expect(allPages(filter, 97)).toEqual(expected);
    const counts = repos.creditLog.count(BENCH_CLIENT_ID, LedgerFilter.parse(filter));
    expect(counts).toEqual({ matching: expected.length, total: ENTRIES });
  });

  it.each(FILTERS.filter(([name]) => /long|prefix index/.test(name)))(
    'match the reference for %s in small pages, where few rows found by the first letters match',
    (_, make) => {
      expect(allPages(make(), 2)).toEqual(reference(make()).map((e) => e.seq));
    },
  );

  it('finds something for the filters above (so the comparisons are not vacuous)', () => {
    for (const [name, make] of FILTERS.filter(([name]) => !/no entry|syntax|punctuation/.test(name)))
      expect(reference(make()).length, name).toBeGreaterThan(0);
  });

  it('carries the invoice number with each entry whose invoice is cached', () => {
    const [row] = repos.creditLog.page(BENCH_CLIENT_ID, LedgerFilter.parse({ types: ['top_up'] }), null, 1);
    expect(row?.invoice_id).toBeTruthy();
    expect(row?.invoice_number).toBe(numbers.get(row?.invoice_id ?? ''));
  });

  it('ignores a re-sent page: entries, search index and buckets stay as they were', () => {
    const before = repos.ledgerReplay.current(BENCH_CLIENT_ID);
    const lastPage = all.slice(-250);
    expect(repos.ledger.insertMany(lastPage)).toBe(0);
    expect(repos.ledgerReplay.advance(BENCH_CLIENT_ID, lastPage)).toEqual(before);
    expect(allPages({ search: 'newsl' }, 500)).toEqual(reference({ search: 'newsl' }).map((e) => e.seq));
  });

  it('rebuilds the search index from the cached entries when a cache from before version 12 opens', () => {
    cache.db.close();
    const old = new Database(path.join(dataDir, CACHE_FILE_NAME));
    old.exec(`DROP TABLE ledger_search;
      CREATE VIRTUAL TABLE ledger_search USING fts5 (description, refs, content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');`);
    old.pragma('user_version = 11');
    old.close();

    cache = openCache({ dataDir });
    repos = createRepositories(cache.db);
    for (const search of ['n', 'newsl', 'newsletters', all.at(-1)?.submission_id ?? 'x'])
      expect(allPages({ search }, 500), search).toEqual(reference({ search }).map((e) => e.seq));
  });
});
