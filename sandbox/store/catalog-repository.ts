import type { Pack, Plan } from '../../shared/api/billing-api';
import type { Money } from '../../shared/api/primitives';
import type { SandboxDb } from './open-store';

interface PlanRow {
  tier: string;
  name: string;
  tokens_per_cycle: number;
  price_amount: number;
  currency: string;
}

interface PackRow {
  id: string;
  tokens: number;
  price_amount: number;
  currency: string;
}

export function planFromRow(row: PlanRow): Plan {
  return {
    tier: row.tier,
    name: row.name,
    tokens_per_cycle: row.tokens_per_cycle,
    price: { amount: row.price_amount, currency: row.currency },
  };
}

function packFromRow(row: PackRow): Pack {
  return { id: row.id, tokens: row.tokens, price: { amount: row.price_amount, currency: row.currency } };
}

export function createCatalogRepository(db: SandboxDb) {
  const insertPlan = db.prepare(
    `INSERT INTO plans (tier, position, name, tokens_per_cycle, price_amount, currency)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertPack = db.prepare(
    'INSERT INTO packs (id, position, tokens, price_amount, currency) VALUES (?, ?, ?, ?, ?)',
  );
  const selectPlans = db.prepare('SELECT * FROM plans ORDER BY position');
  const selectPacks = db.prepare('SELECT * FROM packs ORDER BY position');
  const selectPack = db.prepare('SELECT * FROM packs WHERE id = ?');
  const updatePackPrice = db.prepare('UPDATE packs SET price_amount = ?, currency = ? WHERE id = ?');

  return {
    insertPlans(plans: readonly Plan[]): void {
      plans.forEach((plan, position) =>
        insertPlan.run(
          plan.tier,
          position,
          plan.name,
          plan.tokens_per_cycle,
          plan.price.amount,
          plan.price.currency,
        ),
      );
    },

    insertPacks(packs: readonly Pack[]): void {
      packs.forEach((pack, position) =>
        insertPack.run(pack.id, position, pack.tokens, pack.price.amount, pack.price.currency),
      );
    },

    listPlans(): Plan[] {
      return (selectPlans.all() as PlanRow[]).map(planFromRow);
    },

    listPacks(): Pack[] {
      return (selectPacks.all() as PackRow[]).map(packFromRow);
    },

    getPack(id: string): Pack | null {
      const row = selectPack.get(id) as PackRow | undefined;
      return row ? packFromRow(row) : null;
    },

    setPackPrice(id: string, price: Money): void {
      updatePackPrice.run(price.amount, price.currency, id);
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
