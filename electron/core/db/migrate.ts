import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, type Migration, migrations as knownMigrations } from './migrations';

/** The cache was written by a newer app version; its schema cannot be trusted by this one. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number = LATEST_SCHEMA_VERSION,
  ) {
    super(`schema version ${found} is newer than this app knows (${known})`);
    this.name = 'SchemaTooNewError';
  }
}

/** `schema` is `main` for the cache or the name a file is attached under. */
export function schemaVersion(db: Database.Database, schema = 'main'): number {
  return db.pragma(`${schema}.user_version`, { simple: true }) as number;
}

/**
 * Applies every migration newer than PRAGMA user_version, each in its own
 * transaction together with the version bump, so a crash leaves the cache at
 * a well-defined version. Returns the versions that were applied.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = knownMigrations,
  schema = 'main',
): number[] {
  const current = schemaVersion(db, schema);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`${schema}.user_version = ${Math.trunc(migration.version)}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
