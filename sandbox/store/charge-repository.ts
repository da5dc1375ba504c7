import type { SandboxDb } from './open-store';

/** One attempt to take money from a card, as GET /sandbox/charges lists it. */
export interface ChargeRecord {
  id: string;
  top_up_id: string;
  client_id: string;
  amount: { amount: number; currency: string };
  card: { brand: string; last4: string };
  status: 'succeeded' | 'failed';
  failure_code: string | null;
  decline_code: string | null;
  created_at: string;
}

/** A charge as listed: with the Idempotency-Keys of the requests that created its top-up (none for auto reload). */
export interface ListedCharge extends ChargeRecord {
  idempotency_keys: string[];
}

interface ChargeRow {
  id: string;
  top_up_id: string;
  client_id: string;
  amount: number;
  currency: string;
  card_brand: string;
  card_last4: string;
  status: ChargeRecord['status'];
  failure_code: string | null;
  decline_code: string | null;
  created_at: string;
}

export function createChargeRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO charges (id, top_up_id, client_id, amount, currency, card_brand, card_last4, status, failure_code,
       decline_code, created_at)
     VALUES (@id, @top_up_id, @client_id, @amount, @currency, @card_brand, @card_last4, @status, @failure_code,
       @decline_code, @created_at)`,
  );
  const selectAll = db.prepare(
    `SELECT c.*, (SELECT json_group_array(k.idempotency_key) FROM top_up_keys k WHERE k.top_up_id = c.top_up_id)
       AS keys_json
     FROM charges c ORDER BY c.created_at, c.id`,
  );

  return {
    insert(charge: ChargeRecord): void {
      insert.run({
        ...charge,
        amount: charge.amount.amount,
        currency: charge.amount.currency,
        card_brand: charge.card.brand,
        card_last4: charge.card.last4,
      });
    },
    list(): ListedCharge[] {
      return (selectAll.all() as (ChargeRow & { keys_json: string })[]).map((row) => ({
        id: row.id,
        top_up_id: row.top_up_id,
        client_id: row.client_id,
        amount: { amount: row.amount, currency: row.currency },
        card: { brand: row.card_brand, last4: row.card_last4 },
        status: row.status,
        failure_code: row.failure_code,
        decline_code: row.decline_code,
        created_at: row.created_at,
        idempotency_keys: JSON.parse(row.keys_json) as string[],
      }));
    },
  };
}

export type ChargeRepository = ReturnType<typeof createChargeRepository>;
