import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NEWER_DATA_MESSAGE, NewerDataError, openCache } from '../../../electron/core/db/open-cache';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { createRepositories } from '../../../electron/core/db/repositories';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

afterEach(cleanupTempDirs);

const EXPECTED_TABLES = [
  'account',
  'client_daily_ledger',
  'client_sync_problems',
  'clients',
  'invoices',
  'ledger_client_keys',
  'ledger_entries',
  'ledger_replay',
  'ledger_search',
  'meta',
  'packs',
  'plans',
  'sync_cursors',
];

function tableNames(db: Database.Database, schema = 'main'): string[] {
  return db
    .prepare<[string], { name: string }>(
      `SELECT name FROM pragma_table_list
       WHERE schema = ? AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all(schema)
    .map((row) => row.name);
}

const WORKSPACE = { owner: 'sandbox', agencyId: 'ag_1' };

function recordPurchase(db: Database.Database): void {
  createRepositories(db).purchases.insertPending({
    id: 'pur_1',
    workspace: WORKSPACE,
    clientId: 'cl_a',
    clientName: 'Atlas',
    packId: 'pack_5k',
    tokens: 5_000,
    amount: { amount: 6_500, currency: 'USD' },
    idempotencyKey: 'key-that-may-have-charged',
    card: null,
  });
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
      expect(tableNames(db, 'journal')).toEqual(['purchases']);
      expect(fs.existsSync(path.join(dir, 'purchases.sqlite'))).toBe(true);
      expect(db.pragma('journal.journal_mode', { simple: true })).toBe('wal');
      // FULL: a journal commit outlives a power cut.
      expect(db.pragma('journal.synchronous', { simple: true })).toBe(2);
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

  it('keeps the purchase journal when a damaged cache is set aside', () => {
    const dir = makeTempDir();
    const first = openCache({ dataDir: dir });
    recordPurchase(first.db);
    first.db.close();
    fs.writeFileSync(path.join(dir, 'cache.sqlite'), Buffer.from('garbage '.repeat(1000)));

    const { db, recovery, journalRecovery } = openCache({ dataDir: dir });
    try {
      expect(recovery).not.toBeNull();
      expect(journalRecovery).toBeNull();
      expect(
        createRepositories(db)
          .purchases.unfinished(WORKSPACE)
          .map((p) => p.idempotencyKey),
      ).toEqual(['key-that-may-have-charged']);
    } finally {
      db.close();
    }
  });

  it('sets a damaged journal aside, says so, and keeps the cache', () => {
    const dir = makeTempDir();
    const first = openCache({ dataDir: dir });
    createRepositories(first.db).meta.set('marker', 'kept');
    first.db.close();
    fs.writeFileSync(path.join(dir, 'purchases.sqlite'), Buffer.from('garbage '.repeat(1000)));

    const { db, recovery, journalRecovery } = openCache({ dataDir: dir });
    try {
      expect(recovery).toBeNull();
      expect(path.basename(journalRecovery?.movedTo ?? '')).toMatch(/^purchases\.corrupt-/);
      expect(createRepositories(db).meta.get('marker')).toBe('kept');
      expect(tableNames(db, 'journal')).toEqual(['purchases']);
    } finally {
      db.close();
    }
  });

  for (const which of ['cache.sqlite', 'purchases.sqlite'] as const) {
    it(`refuses to open data written by a newer app version (${which}) and touches nothing`, () => {
      const dir = makeTempDir();
      const first = openCache({ dataDir: dir });
      recordPurchase(first.db);
      first.db.close();
      const future = new Database(path.join(dir, which));
      future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
      future.pragma('wal_checkpoint(TRUNCATE)');
      future.close();
      const before = Object.fromEntries(
        fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name))]),
      );

      let refused: unknown;
      try {
        openCache({ dataDir: dir }).db.close();
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(NewerDataError);
      expect((refused as Error).message).toBe(NEWER_DATA_MESSAGE);
      expect(NEWER_DATA_MESSAGE).toBe(
        'This data was written by a newer version of Agency Billing Companion. Install the latest version.',
      );
      expect(corruptFiles(dir)).toEqual([]);
      const after = Object.fromEntries(
        fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name))]),
      );
      expect(after).toEqual(before);
    });
  }
});
