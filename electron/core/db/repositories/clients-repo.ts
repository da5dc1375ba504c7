import type Database from 'better-sqlite3';
import { InsufficientTokens, type Balance, type Client } from '../../../../shared/api/billing-api';
import {
  createClientListStatements,
  foldForSearch,
  type ClientListSlice,
  type ClientListQuery,
} from './client-list-query';

interface ClientRow {
  id: string;
  name: string;
  name_folded: string;
  plan_tier: string;
  plan_name: string;
  plan_tokens_per_cycle: number;
  plan_price_amount: number;
  plan_price_currency: string;
  cycle_start: string;
  renewal_date: string;
  balance_total: number;
  balance_plan: number;
  balance_top_up: number;
  auto_reload_enabled: number;
  auto_reload_threshold: number;
  auto_reload_pack_id: string | null;
  auto_reload_monthly_limit: number | null;
  insufficient_tokens_json: string | null;
  updated_at: string;
}

const DATA_COLUMNS = [
  'name',
  'name_folded',
  'plan_tier',
  'plan_name',
  'plan_tokens_per_cycle',
  'plan_price_amount',
  'plan_price_currency',
  'cycle_start',
  'renewal_date',
  'balance_total',
  'balance_plan',
  'balance_top_up',
  'auto_reload_enabled',
  'auto_reload_threshold',
  'auto_reload_pack_id',
  'auto_reload_monthly_limit',
  'insufficient_tokens_json',
  'updated_at',
] as const satisfies readonly (keyof ClientRow)[];

// The WHERE clause skips identical rows, so `changes` counts only real updates.
const UPSERT_SQL = `
INSERT INTO clients (id, ${DATA_COLUMNS.join(', ')})
VALUES (@id, ${DATA_COLUMNS.map((c) => `@${c}`).join(', ')})
ON CONFLICT (id) DO UPDATE SET ${DATA_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
WHERE (${DATA_COLUMNS.map((c) => `clients.${c}`).join(', ')})
  IS NOT (${DATA_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`;

function toRow(client: Client): ClientRow {
  return {
    id: client.id,
    name: client.name,
    name_folded: foldForSearch(client.name),
    plan_tier: client.plan.tier,
    plan_name: client.plan.name,
    plan_tokens_per_cycle: client.plan.tokens_per_cycle,
    plan_price_amount: client.plan.price.amount,
    plan_price_currency: client.plan.price.currency,
    cycle_start: client.cycle_start,
    renewal_date: client.renewal_date,
    balance_total: client.balance.total,
    balance_plan: client.balance.plan,
    balance_top_up: client.balance.top_up,
    auto_reload_enabled: client.auto_reload.enabled ? 1 : 0,
    auto_reload_threshold: client.auto_reload.threshold,
    auto_reload_pack_id: client.auto_reload.pack_id,
    auto_reload_monthly_limit: client.auto_reload.monthly_limit ?? null,
    insufficient_tokens_json: client.insufficient_tokens ? JSON.stringify(client.insufficient_tokens) : null,
    updated_at: client.updated_at,
  };
}

function fromRow(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    plan: {
      tier: row.plan_tier,
      name: row.plan_name,
      tokens_per_cycle: row.plan_tokens_per_cycle,
      price: { amount: row.plan_price_amount, currency: row.plan_price_currency },
    },
    cycle_start: row.cycle_start,
    renewal_date: row.renewal_date,
    balance: { total: row.balance_total, plan: row.balance_plan, top_up: row.balance_top_up },
    auto_reload: {
      enabled: row.auto_reload_enabled === 1,
      threshold: row.auto_reload_threshold,
      pack_id: row.auto_reload_pack_id,
      monthly_limit: row.auto_reload_monthly_limit,
    },
    insufficient_tokens: row.insufficient_tokens_json
      ? InsufficientTokens.parse(JSON.parse(row.insufficient_tokens_json))
      : null,
    updated_at: row.updated_at,
  };
}

export function createClientsRepo(db: Database.Database) {
  const upsert = db.prepare<ClientRow>(UPSERT_SQL);
  const byId = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE id = ?');
  const setBalance = db.prepare<{ id: string; total: number; plan: number; top_up: number }>(
    `UPDATE clients SET balance_total = @total, balance_plan = @plan, balance_top_up = @top_up WHERE id = @id`,
  );
  const remove = db.prepare<[string]>('DELETE FROM clients WHERE id = ?');
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clients');
  const countAutoReload = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM clients WHERE auto_reload_enabled = 1',
  );
  const allIds = db.prepare<[], { id: string }>('SELECT id FROM clients ORDER BY id');
  const all = db.prepare<[], ClientRow>('SELECT * FROM clients ORDER BY name_folded, id');
  const list = createClientListStatements(db);

  return {
    /** Inserts or updates clients; returns how many rows actually changed. */
    upsertMany(clients: readonly Client[]): number {
      let changed = 0;
      for (const client of clients) changed += upsert.run(toRow(client)).changes;
      return changed;
    },
    /**
     * A top-up's new balance, straight from the billing API's answer. A blocked submission
     * stays: covering it runs nothing, the client resubmits it. updated_at stays so the
     * next sync still fetches the client whole.
     */
    applyTopUpBalance(clientId: string, balance: Balance): boolean {
      return setBalance.run({ id: clientId, ...balance }).changes > 0;
    },
    /** Only the row: removeClients (repositories/index.ts) also drops what is cached for the client. */
    remove(id: string): void {
      remove.run(id);
    },
    /**
     * Searched and sorted in SQL, as narrow rows, `limit` at a time after `after` (every row when `limit` is
     * null): a keystroke or a scroll over thousands of clients stays cheap.
     */
    listPage(
      query: ClientListQuery,
      after: string | null = null,
      limit: number | null = null,
    ): ClientListSlice {
      return list.page(query, after, limit);
    },
    get(id: string): Client | null {
      const row = byId.get(id);
      return row ? fromRow(row) : null;
    },
    count(): number {
      return countAll.get()?.n ?? 0;
    },
    countWithAutoReload(): number {
      return countAutoReload.get()?.n ?? 0;
    },
    /** Every client whole, by name: for views over all of them (the dashboard), not for the list's hot path. */
    all(): Client[] {
      return all.all().map(fromRow);
    },
    ids(): string[] {
      return allIds.all().map((row) => row.id);
    },
  };
}

export type ClientsRepo = ReturnType<typeof createClientsRepo>;
