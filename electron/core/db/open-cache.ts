import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, SchemaTooNewError } from './migrate';

export const CACHE_FILE_NAME = 'cache.sqlite';
const SIDE_FILE_SUFFIXES = ['-wal', '-shm'] as const;

export interface OpenCacheOptions {
  dataDir: string;
  /** Path to a better-sqlite3 native module built for the host's ABI. */
  nativeBinding?: string;
  now?: () => Date;
}

export interface CacheRecovery {
  /** Why the previous cache could not be used, for the log. */
  reason: string;
  /** Where the unusable file was moved, so it can be inspected later. */
  movedTo: string;
}

export interface OpenedCache {
  db: Database.Database;
  path: string;
  /** Set when the previous cache was damaged and a fresh one was started. */
  recovery: CacheRecovery | null;
}

/** Reasons a cache file is beyond use and should be set aside rather than crash the app. */
class UnusableCacheError extends Error {}

function isDamage(error: unknown): boolean {
  if (error instanceof UnusableCacheError || error instanceof SchemaTooNewError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new UnusableCacheError(`quick_check reported: ${String(check)}`);
}

function openAndMigrate(file: string, nativeBinding: string | undefined): Database.Database {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function moveAside(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const dir = path.dirname(file);
  let target = path.join(dir, `cache.corrupt-${stamp}.sqlite`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `cache.corrupt-${stamp}-${n}.sqlite`);
  fs.renameSync(file, target);
  for (const suffix of SIDE_FILE_SUFFIXES) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (creating if needed) the local cache and brings its schema up to date.
 * A damaged or too-new cache is moved aside and replaced by an empty one: the
 * cache only mirrors the billing service, so a resync rebuilds it.
 */
export function openCache(options: OpenCacheOptions): OpenedCache {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, CACHE_FILE_NAME);
  try {
    return { db: openAndMigrate(file, options.nativeBinding), path: file, recovery: null };
  } catch (error) {
    if (!isDamage(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const movedTo = moveAside(file, (options.now ?? (() => new Date()))());
    return { db: openAndMigrate(file, options.nativeBinding), path: file, recovery: { reason, movedTo } };
  }
}
