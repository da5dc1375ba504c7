import type { SandboxDb } from './open-store';

export interface UsageSubmission {
  id: string;
  client_id: string;
  tokens: number;
  description: string;
  status: 'accepted' | 'blocked';
  /** Tokens missing when the submission was blocked; 0 when accepted. */
  shortfall: number;
  created_at: string;
}

export function createUsageRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO usage_submissions (id, client_id, tokens, description, status, shortfall, created_at)
     VALUES (@id, @client_id, @tokens, @description, @status, @shortfall, @created_at)`,
  );
  const setBlocked = db.prepare(
    `INSERT INTO client_billing (client_id, blocked_submission_id) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET blocked_submission_id = excluded.blocked_submission_id`,
  );

  return {
    insert(submission: UsageSubmission): void {
      insert.run(submission);
    },
    /** What the client's `insufficient_tokens` shows; null clears it. */
    setBlocked(clientId: string, submissionId: string | null): void {
      setBlocked.run(clientId, submissionId);
    },
  };
}

export type UsageRepository = ReturnType<typeof createUsageRepository>;
