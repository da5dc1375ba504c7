import type { SandboxDb } from './open-store';

export interface StoredResponse {
  fingerprint: string;
  statusCode: number;
  body: unknown;
}

export function createIdempotencyRepository(db: SandboxDb) {
  const select = db.prepare(
    'SELECT fingerprint, status_code, response_json FROM idempotency_keys WHERE agency_id = ? AND key = ?',
  );
  const insert = db.prepare(
    `INSERT INTO idempotency_keys (agency_id, key, fingerprint, status_code, response_json, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const deleteExpired = db.prepare(
    'DELETE FROM idempotency_keys WHERE agency_id = ? AND key = ? AND created_at <= ?',
  );

  return {
    get(agencyId: string, key: string): StoredResponse | null {
      const row = select.get(agencyId, key) as
        { fingerprint: string; status_code: number; response_json: string } | undefined;
      if (!row) return null;
      return {
        fingerprint: row.fingerprint,
        statusCode: row.status_code,
        body: JSON.parse(row.response_json) as unknown,
      };
    },
    /** The primary key (agency, key) makes a second insert for the same key fail rather than overwrite. */
    insert(agencyId: string, key: string, response: StoredResponse, createdAt: string): void {
      insert.run(
        agencyId,
        key,
        response.fingerprint,
        response.statusCode,
        JSON.stringify(response.body),
        createdAt,
      );
    },
    /** Forgets the key's stored response if it was first used at or before `cutoff` (ISO times sort as text). */
    forgetIfExpired(agencyId: string, key: string, cutoff: string): void {
      deleteExpired.run(agencyId, key, cutoff);
    },
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
