import type Database from 'better-sqlite3';

/**
 * A manual top-up is recorded before it is sent, so a crash between paying and
 * hearing back can be reconciled with the same idempotency key.
 */
export const PURCHASE_STATES = ['created', 'submitted', 'succeeded', 'failed'] as const;
export type PurchaseState = (typeof PURCHASE_STATES)[number];

export interface PurchaseRecord {
  id: string;
  clientId: string;
  packId: string;
  idempotencyKey: string;
  state: PurchaseState;
  topUpId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

interface PurchaseRow {
  id: string;
  client_id: string;
  pack_id: string;
  idempotency_key: string;
  state: string;
  top_up_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

function fromRow(row: PurchaseRow): PurchaseRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    packId: row.pack_id,
    idempotencyKey: row.idempotency_key,
    state: row.state as PurchaseState,
    topUpId: row.top_up_id,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createPurchaseJournalRepo(db: Database.Database, now: () => Date = () => new Date()) {
  const insert = db.prepare<PurchaseRow>(
    `INSERT INTO purchase_journal
       (id, client_id, pack_id, idempotency_key, state, top_up_id, error, created_at, updated_at)
     VALUES (@id, @client_id, @pack_id, @idempotency_key, @state, @top_up_id, @error, @created_at, @updated_at)`,
  );
  const byId = db.prepare<[string], PurchaseRow>('SELECT * FROM purchase_journal WHERE id = ?');
  const byKey = db.prepare<[string], PurchaseRow>('SELECT * FROM purchase_journal WHERE idempotency_key = ?');
  const updateState = db.prepare<{
    id: string;
    state: string;
    top_up_id: string | null;
    error: string | null;
    updated_at: string;
  }>(
    `UPDATE purchase_journal
     SET state = @state, top_up_id = coalesce(@top_up_id, top_up_id), error = @error, updated_at = @updated_at
     WHERE id = @id`,
  );

  return {
    /** Records a purchase about to be sent; fails if the idempotency key was already used. */
    insert(purchase: {
      id: string;
      clientId: string;
      packId: string;
      idempotencyKey: string;
    }): PurchaseRecord {
      const at = now().toISOString();
      const row: PurchaseRow = {
        id: purchase.id,
        client_id: purchase.clientId,
        pack_id: purchase.packId,
        idempotency_key: purchase.idempotencyKey,
        state: 'created',
        top_up_id: null,
        error: null,
        created_at: at,
        updated_at: at,
      };
      insert.run(row);
      return fromRow(row);
    },
    get(id: string): PurchaseRecord | null {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    getByIdempotencyKey(key: string): PurchaseRecord | null {
      const row = byKey.get(key);
      return row ? fromRow(row) : null;
    },
    /** Returns the updated record, or null when there is no purchase with that id. */
    updateState(
      id: string,
      change: { state: PurchaseState; topUpId?: string | null; error?: string | null },
    ): PurchaseRecord | null {
      const result = updateState.run({
        id,
        state: change.state,
        top_up_id: change.topUpId ?? null,
        error: change.error ?? null,
        updated_at: now().toISOString(),
      });
      return result.changes > 0 ? this.get(id) : null;
    },
  };
}

export type PurchaseJournalRepo = ReturnType<typeof createPurchaseJournalRepo>;
