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
  auto_reload_monthly_limit: number | null;
  updated_at: string;
  blocked_id: string | null;
  blocked_tokens: number | null;
  blocked_shortfall: number | null;
  blocked_at: string | null;
  blocked_description: string | null;
  tier: string;
  plan_name: string;
  tokens_per_cycle: number;
  price_amount: number;
  currency: string;
}

const SELECT_CLIENT = `
  SELECT c.id, c.name, c.cycle_start, c.renewal_date, c.balance_plan, c.balance_top_up,
         c.auto_reload_enabled, c.auto_reload_threshold, c.auto_reload_pack_id, c.updated_at,
         b.auto_reload_monthly_limit,
         u.id AS blocked_id, u.tokens AS blocked_tokens, u.shortfall AS blocked_shortfall,
         u.created_at AS blocked_at, u.description AS blocked_description,
         p.tier, p.name AS plan_name, p.tokens_per_cycle, p.price_amount, p.currency
  FROM clients c JOIN plans p ON p.tier = c.plan_tier
  LEFT JOIN client_billing b ON b.client_id = c.id
  LEFT JOIN usage_submissions u ON u.id = b.blocked_submission_id`;

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
      monthly_limit: row.auto_reload_monthly_limit,
    },
    updated_at: row.updated_at,
    insufficient_tokens:
      row.blocked_id !== null && row.blocked_tokens !== null && row.blocked_shortfall !== null
        ? {
            submission_id: row.blocked_id,
            tokens_requested: row.blocked_tokens,
            shortfall: row.blocked_shortfall,
            at: row.blocked_at ?? row.updated_at,
            description: row.blocked_description ?? '',
          }
        : null,
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
  const upsertMonthlyLimit = db.prepare(
    `INSERT INTO client_billing (client_id, auto_reload_monthly_limit) VALUES (?, ?)
     ON CONFLICT (client_id) DO UPDATE SET auto_reload_monthly_limit = excluded.auto_reload_monthly_limit`,
  );
  const updateBalance = db.prepare('UPDATE clients SET balance_plan = ?, balance_top_up = ? WHERE id = ?');
  const updateCycle = db.prepare('UPDATE clients SET cycle_start = ?, renewal_date = ? WHERE id = ?');
  const updateUpdatedAt = db.prepare('UPDATE clients SET updated_at = ? WHERE id = ?');
  const selectEarliestRenewal = db.prepare(
    `SELECT id, renewal_date FROM clients WHERE (@client_id IS NULL OR id = @client_id)
     ORDER BY renewal_date, id LIMIT 1`,
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
      if (autoReload.monthly_limit !== undefined) upsertMonthlyLimit.run(id, autoReload.monthly_limit);
    },

    setBalance(id: string, plan: number, topUp: number): void {
      updateBalance.run(plan, topUp, id);
    },

    setCycle(id: string, cycleStart: string, renewalDate: string): void {
      updateCycle.run(cycleStart, renewalDate, id);
    },

    setUpdatedAt(id: string, updatedAt: string): void {
      updateUpdatedAt.run(updatedAt, id);
    },

    /** The client (or, without an id, any client) whose renewal comes first, ties broken by id. */
    earliestRenewal(clientId: string | null): { id: string; renewal_date: string } | null {
      return (
        (selectEarliestRenewal.get({ client_id: clientId }) as
          { id: string; renewal_date: string } | undefined) ?? null
      );
    },
  };
}

export type ClientRepository = ReturnType<typeof createClientRepository>;
