import type Database from 'better-sqlite3';

export function createMetaRepo(db: Database.Database) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const write = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    get(key: string): string | null {
      return read.get(key)?.value ?? null;
    },
    set(key: string, value: string): void {
      write.run(key, value);
    },
  };
}

export type MetaRepo = ReturnType<typeof createMetaRepo>;
