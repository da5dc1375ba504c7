import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClientList,
  InvoiceList,
  LedgerPage,
  PackList,
  PlanList,
  type Client,
  type Invoice,
  type LedgerEntry,
} from '../../../shared/api/billing-api';
import { isLowBalance } from '../../../shared/domain/balance';
import { balanceFromEntries } from '../../../shared/domain/token-ledger';
import type { SandboxHandle } from '../../../sandbox/server';
import { FIXED_NOW, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let clients: Client[];
const ledgers = new Map<string, LedgerEntry[]>();
const invoices = new Map<string, Invoice[]>();

beforeAll(async () => {
  sandbox = await startTestSandbox();
  clients = (await getParsed(sandbox, '/v1/clients?limit=500', ClientList)).data;
  for (const client of clients) {
    ledgers.set(
      client.id,
      (await getParsed(sandbox, `/v1/clients/${client.id}/ledger?limit=1000`, LedgerPage)).data,
    );
    invoices.set(
      client.id,
      (await getParsed(sandbox, `/v1/clients/${client.id}/invoices?limit=500`, InvoiceList)).data,
    );
  }
});
afterAll(() => sandbox.close());

describe('seeded catalog', () => {
  it('prices plans below every pack per token, improving with each tier', async () => {
    const plans = (await getParsed(sandbox, '/v1/plans', PlanList)).data;
    const packs = (await getParsed(sandbox, '/v1/packs', PackList)).data;
    expect(plans.map((p) => p.tier)).toEqual(['starter', 'growth', 'scale']);
    const planRates = plans.map((p) => p.price.amount / p.tokens_per_cycle);
    const cheapestPack = Math.min(...packs.map((p) => p.price.amount / p.tokens));
    expect(Math.max(...planRates)).toBeLessThan(cheapestPack);
    expect([...planRates].sort((a, b) => b - a)).toEqual(planRates);
    expect(packs.map((p) => p.price.amount)).toEqual([1_500, 6_500, 12_000, 27_500]);
  });
});

describe('seeded clients', () => {
  it('has about 25 clients on all three tiers with zero, low and large balances', () => {
    expect(clients).toHaveLength(25);
    expect(new Set(clients.map((c) => c.plan.tier))).toEqual(new Set(['starter', 'growth', 'scale']));
    const totals = clients.map((c) => ({ total: c.balance.total, allocation: c.plan.tokens_per_cycle }));
    expect(totals.some((t) => t.total === 0)).toBe(true);
    expect(totals.some((t) => t.total > 0 && isLowBalance(t.total, t.allocation))).toBe(true);
    expect(totals.some((t) => t.total > t.allocation)).toBe(true);
    expect(clients.some((c) => c.auto_reload.enabled)).toBe(true);
  });

  it('keeps cycle dates consistent with the clock', () => {
    const today = FIXED_NOW.toISOString().slice(0, 10);
    for (const client of clients) {
      expect(client.cycle_start <= today).toBe(true);
      expect(client.renewal_date > today).toBe(true);
      expect(client.renewal_date.slice(8)).toBe(client.cycle_start.slice(8));
      expect(client.updated_at <= FIXED_NOW.toISOString()).toBe(true);
    }
  });
});

describe('seeded ledgers', () => {
  it('hold the ledger invariants for every client', () => {
    for (const client of clients) {
      const entries = ledgers.get(client.id) ?? [];
      let running = 0;
      entries.forEach((entry, i) => {
        running += entry.amount;
        expect(entry.seq, client.id).toBe(i + 1);
        expect(entry.balance_after, `${client.id} seq ${entry.seq}`).toBe(running);
        if (i > 0) expect(entry.at >= (entries[i - 1] as LedgerEntry).at).toBe(true);
        expect(entry.at <= FIXED_NOW.toISOString()).toBe(true);
      });
      expect(balanceFromEntries(entries), client.id).toEqual(client.balance);
      expect(entries.at(-1)?.at).toBe(client.updated_at);
    }
  });

  it('covers six months of allocations, expiries, usage, top-ups and auto reloads', () => {
    const all = [...ledgers.values()].flat();
    const types = new Set(all.map((e) => e.type));
    for (const type of ['plan_allocation', 'plan_expiry', 'usage', 'top_up', 'auto_reload']) {
      expect(types.has(type as LedgerEntry['type']), type).toBe(true);
    }
    for (const client of clients) {
      const entries = ledgers.get(client.id) ?? [];
      expect(entries.filter((e) => e.type === 'plan_allocation')).toHaveLength(7);
      const first = Date.parse(entries[0]?.at ?? '');
      expect(FIXED_NOW.getTime() - first).toBeGreaterThan(180 * 86_400_000);
    }
  });

  it('backs every top-up and allocation with a paid invoice', () => {
    for (const client of clients) {
      const byId = new Map((invoices.get(client.id) ?? []).map((invoice) => [invoice.id, invoice]));
      for (const entry of ledgers.get(client.id) ?? []) {
        if (entry.type === 'top_up' || entry.type === 'auto_reload') {
          const invoice = byId.get(entry.invoice_id ?? '');
          expect(invoice?.top_up_id).toBe(entry.top_up_id);
          expect(invoice?.status).toBe('paid');
        }
        if (entry.type === 'plan_allocation')
          expect(byId.get(entry.invoice_id ?? '')?.amount).toEqual(client.plan.price);
      }
    }
  });
});
