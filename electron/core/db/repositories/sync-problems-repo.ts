import type Database from 'better-sqlite3';

/** Why a client's data could not be synced: a sentence for the badge, the full story for "Copy details". */
export interface ClientSyncProblem {
  clientId: string;
  at: string;
  message: string;
  details: string;
}

/** One row per client the last sync set aside; a client that syncs again loses its row. */
export function createSyncProblemsRepo(db: Database.Database) {
  const upsert = db.prepare<ClientSyncProblem>(
    `INSERT INTO client_sync_problems (client_id, at, message, details) VALUES (@clientId, @at, @message, @details)
     ON CONFLICT (client_id) DO UPDATE SET at = excluded.at, message = excluded.message, details = excluded.details`,
  );
  const remove = db.prepare<[string]>('DELETE FROM client_sync_problems WHERE client_id = ?');
  const byClient = db.prepare<[string], ClientSyncProblem>(
    'SELECT client_id AS clientId, at, message, details FROM client_sync_problems WHERE client_id = ?',
  );
  const countBoth = db.prepare<[], { cached: number; uncached: number }>(
    `SELECT count(c.id) AS cached, count(*) - count(c.id) AS uncached
     FROM client_sync_problems p LEFT JOIN clients c ON c.id = p.client_id`,
  );

  return {
    record(problem: ClientSyncProblem): void {
      upsert.run(problem);
    },
    /** Returns whether the client had a problem, so the caller knows the list changed. */
    clear(clientId: string): boolean {
      return remove.run(clientId).changes > 0;
    },
    get(clientId: string): ClientSyncProblem | null {
      return byClient.get(clientId) ?? null;
    },
    /** Clients set aside that are in the cache, and those it could never store (unreadable from the start). */
    counts(): { cached: number; uncached: number } {
      return countBoth.get() ?? { cached: 0, uncached: 0 };
    },
  };
}

export type SyncProblemsRepo = ReturnType<typeof createSyncProblemsRepo>;
