/**
 * Ingest: the sync's apply path (page checks, entries, search index, replayed
 * buckets and cursor, one transaction per page) against the raw limit (one
 * transaction of prepared inserts into the same tables and indexes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCache } from '../../electron/core/db/open-cache';
import { createRepositories } from '../../electron/core/db/repositories';
import { LEDGER_COLUMNS, referenceText } from '../../electron/core/db/repositories/ledger-entries-repo';
import { searchRowid } from '../../electron/core/ledger/ledger-search-key';
import { applyLedgerPage } from '../../electron/core/sync/apply-ledger-page';
import { DEFAULT_PAGE_SIZES } from '../../electron/core/sync/sync-engine';
import { BENCH_CLIENT_ID, benchClient } from './build-bench-cache';
import { generateLedgerPages } from './ledger-generator';

const PAGE_SIZE = DEFAULT_PAGE_SIZES.ledger;

export type IngestMode = 'apply' | 'raw' | 'raw+fts';

function freshCache(): { db: Database.Database; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'abc-bench-ingest-'));
  const { db } = openCache({ dataDir: dir });
  createRepositories(db).clients.upsertMany([benchClient(BENCH_CLIENT_ID, 'Bench', '2026-01-01T00:00:00Z')]);
  return { db, dir };
}

/** Entries per second for one mode; only database work is timed, not making the data. */
export function ingestOnce(mode: IngestMode, entries: number): number {
  const { db, dir } = freshCache();
  try {
    let elapsed = 0;
    if (mode === 'apply') {
      const repos = createRepositories(db);
      let afterSeq = 0;
      for (const page of generateLedgerPages(BENCH_CLIENT_ID, entries, PAGE_SIZE)) {
        const start = performance.now();
        applyLedgerPage(db, repos, BENCH_CLIENT_ID, afterSeq, page);
        elapsed += performance.now() - start;
        afterSeq = page.at(-1)?.seq ?? afterSeq;
      }
    } else {
      const insert = db.prepare(
        `INSERT INTO ledger_entries (${LEDGER_COLUMNS.join(', ')}) VALUES (${LEDGER_COLUMNS.map((c) => `@${c}`).join(', ')})`,
      );
      const index = db.prepare('INSERT INTO ledger_search (rowid, description, refs) VALUES (?, ?, ?)');
      const key = db
        .prepare('INSERT INTO ledger_client_keys (client_id) VALUES (?) RETURNING key')
        .get(BENCH_CLIENT_ID) as {
        key: number;
      };
      db.exec('BEGIN');
      for (const page of generateLedgerPages(BENCH_CLIENT_ID, entries, PAGE_SIZE)) {
        const start = performance.now();
        for (const entry of page) {
          insert.run(entry);
          if (mode === 'raw+fts')
            index.run(searchRowid(key.key, entry.seq), entry.description, referenceText(entry));
        }
        elapsed += performance.now() - start;
      }
      const start = performance.now();
      db.exec('COMMIT');
      elapsed += performance.now() - start;
    }
    return entries / (elapsed / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
