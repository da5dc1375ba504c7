import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/db/open-cache';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { createRepositories } from '../../../electron/core/db/repositories';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

afterEach(cleanupTempDirs);

const EXPECTED_TABLES = [
  'account',
  'clients',
  'invoices',
  'ledger_client_keys',
  'ledger_entries',
  'ledger_replay',
  'ledger_search',
  'meta',
  'packs',
  'plans',
  'purchase_journal',
  'sync_cursors',
];

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM pragma_table_list
       WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((row) => row.name);
}

function corruptFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith('cache.corrupt-'));
}

describe('openCache', () => {
  it('creates the schema in an empty directory with WAL and foreign keys on', () => {
    const dir = path.join(makeTempDir(), 'nested', 'data');
    const { db, recovery } = openCache({ dataDir: dir });
    try {
      expect(recovery).toBeNull();
      expect(fs.existsSync(path.join(dir, 'cache.sqlite'))).toBe(true);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(tableNames(db)).toEqual(EXPECTED_TABLES);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('reopens an existing cache without re-running migrations or losing data', () => {
    const dir = makeTempDir();
    const first = openCache({ dataDir: dir });
    createRepositories(first.db).meta.set('marker', 'kept');
    first.db.close();

    const second = openCache({ dataDir: dir });
    try {
      expect(second.recovery).toBeNull();
      expect(second.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(createRepositories(second.db).meta.get('marker')).toBe('kept');
      expect(corruptFiles(dir)).toEqual([]);
    } finally {
      second.db.close();
    }
  });

  it('moves a garbage file aside and starts a fresh cache instead of crashing', () => {
    const dir = makeTempDir();
    const garbage = Buffer.from('this is not an sqlite database, just some bytes '.repeat(200));
    fs.writeFileSync(path.join(dir, 'cache.sqlite'), garbage);

    const { db, recovery } = openCache({ dataDir: dir, now: () => new Date('2026-03-04T05:06:07.089Z') });
    try {
      expect(recovery?.reason).toMatch(/not a database/i);
      expect(path.basename(recovery?.movedTo ?? '')).toBe('cache.corrupt-2026-03-04T05-06-07-089Z.sqlite');
      expect(fs.readFileSync(recovery?.movedTo ?? '')).toEqual(garbage);
      expect(tableNames(db)).toEqual(EXPECTED_TABLES);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('sets aside a cache whose pages are damaged', () => {
    const dir = makeTempDir();
    const first = openCache({ dataDir: dir });
    const meta = createRepositories(first.db).meta;
    for (let i = 0; i < 2000; i++) meta.set(`key-${i}`, 'x'.repeat(100));
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    const file = path.join(dir, 'cache.sqlite');
    const bytes = fs.readFileSync(file);
    // Keep the header valid but scribble over the b-tree pages after the first.
    bytes.fill(0xa5, 4096 * 2, 4096 * 6);
    fs.writeFileSync(file, bytes);

    const { db, recovery } = openCache({ dataDir: dir });
    try {
      expect(recovery).not.toBeNull();
      expect(corruptFiles(dir)).toHaveLength(1);
      expect(createRepositories(db).meta.get('key-1')).toBeNull();
    } finally {
      db.close();
    }
  });

  it('sets aside a cache written by a newer app version', () => {
    const dir = makeTempDir();
    const future = new Database(path.join(dir, 'cache.sqlite'));
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();

    const { db, recovery } = openCache({ dataDir: dir });
    try {
      expect(recovery?.reason).toMatch(/newer than this app knows/);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(corruptFiles(dir)).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
