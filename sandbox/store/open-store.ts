import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_SQL, SCHEMA_VERSION, UPGRADABLE_SCHEMA_VERSIONS } from './schema';

export type SandboxDb = Database.Database;

export interface OpenStoreOptions {
  dataDir: string;
  /** A better-sqlite3 native module built for the host's ABI (Electron passes its own). */
  nativeBinding?: string;
}

export const STORE_FILE_NAME = 'sandbox.sqlite';

export function openStore(options: OpenStoreOptions): SandboxDb {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, STORE_FILE_NAME);
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA_SQL);
  const version = readMeta(db, 'schema_version');
  if (version !== null && UPGRADABLE_SCHEMA_VERSIONS.includes(Number(version))) {
    writeMeta(db, 'schema_version', String(SCHEMA_VERSION));
  } else if (version !== null && Number(version) !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`Sandbox data in ${options.dataDir} has schema ${version}; expected ${SCHEMA_VERSION}`);
  }
  return db;
}

export function readMeta(db: SandboxDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: SandboxDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
