import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { LedgerEntry } from '../../../../shared/api/billing-api';
import { openEnum } from '../../../../shared/api/open-enum';
import { continueReplay, replayFromStart, type ReplayState } from '../../../../shared/domain/ledger-replay';
import type { LedgerEntriesRepo } from './ledger-entries-repo';

const StoredState = z.object({
  clientId: z.string(),
  seq: z.int().nonnegative(),
  plan: z.int(),
  topUps: z.array(
    z.object({ id: z.string(), kind: openEnum(['top_up', 'auto_reload']), remaining: z.int().positive() }),
  ),
  /** Absent in states saved before newer buckets were kept. */
  otherBuckets: z.record(z.string(), z.int()).default({}),
});

/**
 * Each client's buckets as of its newest cached entry, kept in step with the
 * ledger so provenance never needs a replay of a million entries. A missing or
 * unreadable state is rebuilt from the cached entries.
 */
export function createLedgerReplayRepo(db: Database.Database, ledger: LedgerEntriesRepo) {
  const read = db.prepare<[string], { state_json: string }>(
    'SELECT state_json FROM ledger_replay WHERE client_id = ?',
  );
  const write = db.prepare<[string, string]>(
    `INSERT INTO ledger_replay (client_id, state_json) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET state_json = excluded.state_json`,
  );
  const remove = db.prepare<[string]>('DELETE FROM ledger_replay WHERE client_id = ?');

  function stored(clientId: string): ReplayState | null {
    const row = read.get(clientId);
    if (!row) return null;
    const parsed = StoredState.safeParse(JSON.parse(row.state_json));
    return parsed.success && parsed.data.clientId === clientId ? parsed.data : null;
  }

  function save(state: ReplayState): ReplayState {
    write.run(state.clientId, JSON.stringify(state));
    return state;
  }

  function rebuild(clientId: string): ReplayState {
    return save(replayFromStart(clientId, ledger.iterateAfter(clientId, 0)));
  }

  return {
    /** Moves a client's buckets past a page of entries the caller just stored (same transaction). */
    advance(clientId: string, entries: readonly LedgerEntry[]): ReplayState {
      const state = stored(clientId);
      return state ? save(continueReplay(state, entries)) : rebuild(clientId);
    },
    forget(clientId: string): void {
      remove.run(clientId);
    },
    current(clientId: string): ReplayState {
      return db.transaction(() => stored(clientId) ?? rebuild(clientId))();
    },
  };
}

export type LedgerReplayRepo = ReturnType<typeof createLedgerReplayRepo>;
