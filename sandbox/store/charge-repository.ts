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
  const selectAll = db.prepare('SELECT * FROM charges ORDER BY created_at, id');

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
    list(): ChargeRecord[] {
      return (selectAll.all() as ChargeRow[]).map((row) => ({
        id: row.id,
        top_up_id: row.top_up_id,
        client_id: row.client_id,
        amount: { amount: row.amount, currency: row.currency },
        card: { brand: row.card_brand, last4: row.card_last4 },
        status: row.status,
        failure_code: row.failure_code,
        decline_code: row.decline_code,
        created_at: row.created_at,
      }));
    },
  };
}

export type ChargeRepository = ReturnType<typeof createChargeRepository>;
