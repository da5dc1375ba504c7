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
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM client_sync_problems');

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
    count(): number {
      return countAll.get()?.n ?? 0;
    },
  };
}

export type SyncProblemsRepo = ReturnType<typeof createSyncProblemsRepo>;
