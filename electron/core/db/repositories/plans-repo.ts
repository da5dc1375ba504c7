import type Database from 'better-sqlite3';
import type { Plan } from '../../../../shared/api/billing-api';

interface PlanRow {
  tier: string;
  position: number;
  name: string;
  tokens_per_cycle: number;
  price_amount: number;
  price_currency: string;
}

const UPSERT_SQL = `
INSERT INTO plans (tier, position, name, tokens_per_cycle, price_amount, price_currency)
VALUES (@tier, @position, @name, @tokens_per_cycle, @price_amount, @price_currency)
ON CONFLICT (tier) DO UPDATE SET
  position = excluded.position, name = excluded.name, tokens_per_cycle = excluded.tokens_per_cycle,
  price_amount = excluded.price_amount, price_currency = excluded.price_currency
WHERE (plans.position, plans.name, plans.tokens_per_cycle, plans.price_amount, plans.price_currency)
  IS NOT (excluded.position, excluded.name, excluded.tokens_per_cycle, excluded.price_amount,
          excluded.price_currency)`;

/** Plan tiers: a small list the billing service sends whole, kept in the order it sends it. */
export function createPlansRepo(db: Database.Database) {
  const upsert = db.prepare<PlanRow>(UPSERT_SQL);
  const deleteOthers = db.prepare<[string]>(
    'DELETE FROM plans WHERE tier NOT IN (SELECT value FROM json_each(?))',
  );
  const listAll = db.prepare<[], PlanRow>('SELECT * FROM plans ORDER BY position, tier');

  return {
    /** Makes the stored plans equal to the given list; returns how many rows changed. */
    replaceAll(plans: readonly Plan[]): number {
      let changed = 0;
      plans.forEach((plan, position) => {
        changed += upsert.run({
          tier: plan.tier,
          position,
          name: plan.name,
          tokens_per_cycle: plan.tokens_per_cycle,
          price_amount: plan.price.amount,
          price_currency: plan.price.currency,
        }).changes;
      });
      return changed + deleteOthers.run(JSON.stringify(plans.map((p) => p.tier))).changes;
    },
    list(): Plan[] {
      return listAll.all().map((row) => ({
        tier: row.tier,
        name: row.name,
        tokens_per_cycle: row.tokens_per_cycle,
        price: { amount: row.price_amount, currency: row.price_currency },
      }));
    },
  };
}

export type PlansRepo = ReturnType<typeof createPlansRepo>;
