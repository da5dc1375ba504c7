import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { journalMigrations } from './journal/journal-schema';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { migrate, schemaVersion } from './migrate';

export const CACHE_FILE_NAME = 'cache.sqlite';
/** The purchase journal lives apart from the cache, so setting the cache aside never takes a payment record. */
export const JOURNAL_FILE_NAME = 'purchases.sqlite';
const SIDE_FILE_SUFFIXES = ['-wal', '-shm'] as const;

export const NEWER_DATA_MESSAGE =
  'This data was written by a newer version of Agency Billing Companion. Install the latest version.';

export interface OpenCacheOptions {
  dataDir: string;
  /** Path to a better-sqlite3 native module built for the host's ABI. */
  nativeBinding?: string;
  now?: () => Date;
}

export interface CacheRecovery {
  /** Why the previous file could not be used, for the log. */
  reason: string;
  /** Where the unusable file was moved, so it can be inspected later. */
  movedTo: string;
}

export interface OpenedCache {
  /** The cache, with the purchase journal attached as `journal`. */
  db: Database.Database;
  path: string;
  /** Set when the previous cache was damaged and a fresh one was started (the journal is kept). */
  recovery: CacheRecovery | null;
  /** Set when the journal file itself was damaged and set aside: earlier purchases can no longer be checked here. */
  journalRecovery: CacheRecovery | null;
}

/**
 * A cache or journal written by a newer app version. Nothing is touched: an
 * older build must not wipe or rewrite what a newer one relies on.
 */
export class NewerDataError extends Error {
  constructor(readonly file: string) {
    super(NEWER_DATA_MESSAGE);
    this.name = 'NewerDataError';
  }
}

type DamagedFile = 'cache' | 'journal';

/** A file beyond use: it is set aside rather than crash the app. */
class DamagedFileError extends Error {
  constructor(
    readonly which: DamagedFile,
    reason: string,
  ) {
    super(reason);
  }
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/** Runs one file's step; SQLite's "not a database"/"corrupt" errors become that file's damage. */
function inFile<T>(which: DamagedFile, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isDamage(error))
      throw new DamagedFileError(which, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

function checkIntegrity(db: Database.Database, which: DamagedFile, schema: string): void {
  const check = db.pragma(`${schema}.quick_check`, { simple: true });
  if (check !== 'ok') throw new DamagedFileError(which, `quick_check reported: ${String(check)}`);
}

function openAndMigrate(
  file: string,
  journalFile: string,
  nativeBinding: string | undefined,
): Database.Database {
  const db = inFile('cache', () => new Database(file, nativeBinding ? { nativeBinding } : {}));
  try {
    inFile('cache', () => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // The cache mirrors the billing service: a commit lost to a power cut is fetched again.
      db.pragma('synchronous = NORMAL');
      // A sync commits a page at a time; checkpointing every 1,000 WAL pages (the default) copied the same
      // index pages back over and over, a quarter of a first sync's time. The limit keeps the WAL file small.
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
      checkIntegrity(db, 'cache', 'main');
    });
    inFile('journal', () => {
      db.prepare('ATTACH DATABASE ? AS journal').run(journalFile);
      db.pragma('journal.journal_mode = WAL');
      // A journal commit must survive a power cut: the request it precedes may already have charged.
      db.pragma('journal.synchronous = FULL');
      checkIntegrity(db, 'journal', 'journal');
    });
    const latestJournal = journalMigrations.at(-1)?.version ?? 0;
    if (schemaVersion(db, 'journal') > latestJournal) throw new NewerDataError(journalFile);
    if (schemaVersion(db, 'main') > LATEST_SCHEMA_VERSION) throw new NewerDataError(file);
    inFile('journal', () => migrate(db, journalMigrations, 'journal'));
    inFile('cache', () => migrate(db));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function moveAside(file: string, label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const dir = path.dirname(file);
  let target = path.join(dir, `${label}.corrupt-${stamp}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++)
    target = path.join(dir, `${label}.corrupt-${stamp}-${n}.sqlite`);
  fs.renameSync(file, target);
  for (const suffix of SIDE_FILE_SUFFIXES) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (creating if needed) the local cache and the purchase journal and
 * brings both schemas up to date. A damaged cache is moved aside and replaced
 * by an empty one (a resync rebuilds it) while the journal is kept; a damaged
 * journal is moved aside too, and the caller must say so plainly. Data from a
 * newer app version stops the start with NewerDataError and is left as it is.
 */
export function openCache(options: OpenCacheOptions): OpenedCache {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, CACHE_FILE_NAME);
  const journalFile = path.join(options.dataDir, JOURNAL_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const recoveries: Record<DamagedFile, CacheRecovery | null> = { cache: null, journal: null };
  for (;;) {
    try {
      const db = openAndMigrate(file, journalFile, options.nativeBinding);
      return { db, path: file, recovery: recoveries.cache, journalRecovery: recoveries.journal };
    } catch (error) {
      if (!(error instanceof DamagedFileError) || recoveries[error.which] !== null) throw error;
      const target = error.which === 'cache' ? file : journalFile;
      const label = error.which === 'cache' ? 'cache' : 'purchases';
      recoveries[error.which] = { reason: error.message, movedTo: moveAside(target, label, now()) };
    }
  }
}
