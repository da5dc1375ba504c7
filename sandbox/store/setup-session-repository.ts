import type { SetupSession } from '../../shared/api/payments-api';
import type { SandboxDb } from './open-store';

export interface SetupSessionRecord extends SetupSession {
  /** The card waiting for 3-D Secure, as JSON, while it is. */
  pending_card: string | null;
}

export function createSetupSessionRepository(db: SandboxDb) {
  const insert = db.prepare(
    "INSERT INTO setup_sessions (id, client_secret, status, created_at) VALUES (?, ?, 'open', ?)",
  );
  const select = db.prepare('SELECT * FROM setup_sessions WHERE client_secret = ?');
  const update = db.prepare('UPDATE setup_sessions SET status = ?, pending_card = ? WHERE id = ?');
  return {
    insert(session: Pick<SetupSession, 'id' | 'client_secret' | 'created_at'>): void {
      insert.run(session.id, session.client_secret, session.created_at);
    },
    get(clientSecret: string): SetupSessionRecord | null {
      return (select.get(clientSecret) as SetupSessionRecord | undefined) ?? null;
    },
    set(id: string, status: SetupSession['status'], pendingCard: string | null): void {
      update.run(status, pendingCard, id);
    },
  };
}

export type SetupSessionRepository = ReturnType<typeof createSetupSessionRepository>;
