import type Database from 'better-sqlite3';
import type { Pack } from '../../../../shared/api/billing-api';

interface PackRow {
  id: string;
  position: number;
  tokens: number;
  price_amount: number;
  price_currency: string;
}

const UPSERT_SQL = `
INSERT INTO packs (id, position, tokens, price_amount, price_currency)
VALUES (@id, @position, @tokens, @price_amount, @price_currency)
ON CONFLICT (id) DO UPDATE SET
  position = excluded.position, tokens = excluded.tokens,
  price_amount = excluded.price_amount, price_currency = excluded.price_currency
WHERE (packs.position, packs.tokens, packs.price_amount, packs.price_currency)
  IS NOT (excluded.position, excluded.tokens, excluded.price_amount, excluded.price_currency)`;

/** Top-up packs: a small list the billing service sends whole, kept in the order it sends it. */
export function createPacksRepo(db: Database.Database) {
  const upsert = db.prepare<PackRow>(UPSERT_SQL);
  const deleteOthers = db.prepare<[string]>(
    'DELETE FROM packs WHERE id NOT IN (SELECT value FROM json_each(?))',
  );
  const listAll = db.prepare<[], PackRow>('SELECT * FROM packs ORDER BY position, id');

  return {
    /** Makes the stored packs equal to the given list; returns how many rows changed. */
    replaceAll(packs: readonly Pack[]): number {
      let changed = 0;
      packs.forEach((pack, position) => {
        changed += upsert.run({
          id: pack.id,
          position,
          tokens: pack.tokens,
          price_amount: pack.price.amount,
          price_currency: pack.price.currency,
        }).changes;
      });
      return changed + deleteOthers.run(JSON.stringify(packs.map((p) => p.id))).changes;
    },
    list(): Pack[] {
      return listAll.all().map((row) => ({
        id: row.id,
        tokens: row.tokens,
        price: { amount: row.price_amount, currency: row.price_currency },
      }));
    },
  };
}

export type PacksRepo = ReturnType<typeof createPacksRepo>;
