import type { AutoReload, Client } from '../../shared/api/billing-api';
import { planFromRow } from './catalog-repository';
import type { SandboxDb } from './open-store';

/** What the store keeps for a client; the plan is referenced by tier. */
export interface ClientRecord {
  id: string;
  name: string;
  plan_tier: string;
  cycle_start: string;
  renewal_date: string;
  balance_plan: number;
  balance_top_up: number;
  auto_reload: AutoReload;
  updated_at: string;
}

interface ClientRow {
  id: string;
  name: string;
  cycle_start: string;
  renewal_date: string;
  balance_plan: number;
  balance_top_up: number;
  auto_reload_enabled: number;
  auto_reload_threshold: number;
  auto_reload_pack_id: string | null;
  updated_at: string;
  tier: string;
  plan_name: string;
  tokens_per_cycle: number;
  price_amount: number;
  currency: string;
}

const SELECT_CLIENT = `
  SELECT c.id, c.name, c.cycle_start, c.renewal_date, c.balance_plan, c.balance_top_up,
         c.auto_reload_enabled, c.auto_reload_threshold, c.auto_reload_pack_id, c.updated_at,
         p.tier, p.name AS plan_name, p.tokens_per_cycle, p.price_amount, p.currency
  FROM clients c JOIN plans p ON p.tier = c.plan_tier`;

function clientFromRow(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    plan: planFromRow({ ...row, name: row.plan_name }),
    cycle_start: row.cycle_start,
    renewal_date: row.renewal_date,
    balance: {
      total: row.balance_plan + row.balance_top_up,
      plan: row.balance_plan,
      top_up: row.balance_top_up,
    },
    auto_reload: {
      enabled: row.auto_reload_enabled === 1,
      threshold: row.auto_reload_threshold,
      pack_id: row.auto_reload_pack_id,
    },
    updated_at: row.updated_at,
  };
}

export interface ClientPageQuery {
  updatedSince: string | null;
  afterId: string | null;
  limit: number;
}

export function createClientRepository(db: SandboxDb) {
  const insert = db.prepare(
    `INSERT INTO clients (id, name, plan_tier, cycle_start, renewal_date, balance_plan, balance_top_up,
       auto_reload_enabled, auto_reload_threshold, auto_reload_pack_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectOne = db.prepare(`${SELECT_CLIENT} WHERE c.id = ?`);
  // `updated_since` is inclusive so a sync that resumes from the newest timestamp it saw misses nothing.
  const selectPage = db.prepare(
    `${SELECT_CLIENT}
     WHERE (@updated_since IS NULL OR c.updated_at >= @updated_since)
       AND (@after_id IS NULL OR c.id > @after_id)
     ORDER BY c.id LIMIT @limit`,
  );
  const updateAutoReload = db.prepare(
    `UPDATE clients SET auto_reload_enabled = ?, auto_reload_threshold = ?, auto_reload_pack_id = ?, updated_at = ?
     WHERE id = ?`,
  );

  return {
    insert(record: ClientRecord): void {
      insert.run(
        record.id,
        record.name,
        record.plan_tier,
        record.cycle_start,
        record.renewal_date,
        record.balance_plan,
        record.balance_top_up,
        record.auto_reload.enabled ? 1 : 0,
        record.auto_reload.threshold,
        record.auto_reload.pack_id,
        record.updated_at,
      );
    },

    get(id: string): Client | null {
      const row = selectOne.get(id) as ClientRow | undefined;
      return row ? clientFromRow(row) : null;
    },

    /** Ordered by id; asks for one row more than `limit` would need so callers can tell if more follow. */
    page(query: ClientPageQuery): Client[] {
      const rows = selectPage.all({
        updated_since: query.updatedSince,
        after_id: query.afterId,
        limit: query.limit,
      }) as ClientRow[];
      return rows.map(clientFromRow);
    },

    setAutoReload(id: string, autoReload: AutoReload, updatedAt: string): void {
      updateAutoReload.run(
        autoReload.enabled ? 1 : 0,
        autoReload.threshold,
        autoReload.pack_id,
        updatedAt,
        id,
      );
    },
  };
}

export type ClientRepository = ReturnType<typeof createClientRepository>;
