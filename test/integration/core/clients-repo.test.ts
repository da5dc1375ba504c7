import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/api/billing-api';
import { openCache } from '../../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../../electron/core/db/repositories';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let close: () => void;
let repos: Repositories;

beforeEach(() => {
  const { db } = openCache({ dataDir: makeTempDir() });
  close = () => db.close();
  repos = createRepositories(db);
});

afterEach(() => {
  close();
  cleanupTempDirs();
});

function client(id: string, name: string, total: number, renewal: string): Client {
  return {
    id,
    name,
    plan: {
      tier: 'growth',
      name: 'Growth',
      tokens_per_cycle: 50_000,
      price: { amount: 29_900, currency: 'USD' },
    },
    cycle_start: '2026-06-01',
    renewal_date: renewal,
    balance: { total, plan: total, top_up: 0 },
    auto_reload: { enabled: false, threshold: 0, pack_id: null, monthly_limit: null },
    insufficient_tokens: null,
    updated_at: '2026-06-10T00:00:00.000Z',
  };
}

const CLIENTS = [
  client('c1', 'Zephyr Labs', 500, '2026-07-03'),
  client('c2', 'Élan Bakery', 9_000, '2026-07-01'),
  client('c3', 'acme corp', 500, '2026-07-09'),
  client('c4', '100% Organic_Farms', 12_000, '2026-07-01'),
  client('c5', 'Acme Outdoors', 0, '2026-07-20'),
];

const ids = (
  search: string,
  sort: 'name' | 'balance' | 'renewal' = 'name',
  direction: 'asc' | 'desc' = 'asc',
) => repos.clients.listPage({ search, sort, direction, show: 'all' }).rows.map(([id]) => id);

describe('clients repository', () => {
  beforeEach(() => {
    repos.clients.upsertMany(CLIENTS);
  });

  it('round-trips a client exactly', () => {
    expect(repos.clients.get('c2')).toEqual(CLIENTS[1]);
    expect(repos.clients.get('missing')).toBeNull();
  });

  it('searches names case- and accent-insensitively', () => {
    expect(ids('ACME')).toEqual(['c3', 'c5']);
    expect(ids('elan')).toEqual(['c2']);
    expect(ids('  labs ')).toEqual(['c1']);
    expect(ids('')).toHaveLength(5);
  });

  it('treats LIKE wildcards in the search as plain text', () => {
    expect(ids('%')).toEqual(['c4']);
    expect(ids('_')).toEqual(['c4']);
    expect(ids('100%')).toEqual(['c4']);
    expect(ids('a_e')).toEqual([]);
  });

  it('sorts by name, balance and renewal date in both directions, ties broken by id', () => {
    expect(ids('', 'name')).toEqual(['c4', 'c3', 'c5', 'c2', 'c1']);
    expect(ids('', 'name', 'desc')).toEqual(['c1', 'c2', 'c5', 'c3', 'c4']);
    expect(ids('', 'balance')).toEqual(['c5', 'c1', 'c3', 'c2', 'c4']);
    expect(ids('', 'balance', 'desc')).toEqual(['c4', 'c2', 'c3', 'c1', 'c5']);
    expect(ids('', 'renewal')).toEqual(['c2', 'c4', 'c1', 'c3', 'c5']);
    expect(ids('acme', 'balance', 'desc')).toEqual(['c3', 'c5']);
  });

  it('ranks Balance by the share of the allocation left, not by raw tokens', () => {
    const big = client('c6', 'Bigplan Media', 20_000, '2026-07-05');
    repos.clients.upsertMany([{ ...big, plan: { ...big.plan, tokens_per_cycle: 1_000_000 } }]);
    // 20,000 of 1,000,000 (2 %) is less left than 9,000 of 50,000 (18 %).
    expect(ids('', 'balance')).toEqual(['c5', 'c1', 'c3', 'c6', 'c2', 'c4']);
  });

  it('puts clients blocked now first under the default order and can show only them', () => {
    const refused = (tokens: number) => ({
      submission_id: `sub_${tokens}`,
      tokens_requested: tokens,
      shortfall: 1,
      at: '2026-06-10T00:00:00.000Z',
      description: 'Holiday campaign videos',
    });
    // c2 holds 9,000: a 10,000 submission is still blocked; c4 holds 12,000, so its 10,000 one is covered.
    repos.clients.upsertMany([
      { ...client('c2', 'Élan Bakery', 9_000, '2026-07-01'), insufficient_tokens: refused(10_000) },
      { ...client('c4', '100% Organic_Farms', 12_000, '2026-07-01'), insufficient_tokens: refused(10_000) },
    ]);

    expect(ids('')).toEqual(['c2', 'c4', 'c3', 'c5', 'c1']);
    expect(ids('', 'name', 'desc')).toEqual(['c1', 'c2', 'c5', 'c3', 'c4']);
    const blockedOnly = repos.clients.listPage({
      search: '',
      sort: 'name',
      direction: 'asc',
      show: 'blocked',
    });
    expect(blockedOnly.rows.map(([id]) => id)).toEqual(['c2']);
    expect(blockedOnly.matching).toBe(1);
  });

  it('counts only real changes on upsert', () => {
    expect(repos.clients.upsertMany(CLIENTS)).toBe(0);
    const changed = {
      ...client('c1', 'Zephyr Labs', 400, '2026-07-03'),
      updated_at: '2026-06-11T00:00:00.000Z',
    };
    expect(repos.clients.upsertMany([changed, client('c6', 'New Co', 1, '2026-08-01')])).toBe(2);
    expect(repos.clients.get('c1')?.balance.total).toBe(400);
    expect(repos.clients.count()).toBe(6);
  });

  it('pages through any order and filter by keyset, and the pages add up to the whole list', () => {
    const refused = {
      submission_id: 's',
      tokens_requested: 900,
      shortfall: 1,
      at: CLIENTS[0]!.updated_at,
      description: 'x',
    };
    // Many equal sort values (balances, renewals, blocked flags), so ties are broken by id across page ends.
    const many = Array.from({ length: 57 }, (_, n) => ({
      ...client(
        `m${String(n).padStart(2, '0')}`,
        `Studio ${n % 7}`,
        (n % 4) * 250,
        `2026-07-0${(n % 3) + 1}`,
      ),
      insufficient_tokens: n % 5 === 0 ? refused : null,
    }));
    repos.clients.upsertMany(many);
    for (const sort of ['name', 'balance', 'renewal'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const show of ['all', 'blocked'] as const) {
          for (const search of ['', 'studio 3', 'a']) {
            const query = { search, sort, direction, show };
            const whole = repos.clients.listPage(query);
            const paged: string[] = [];
            let after: string | null = null;
            for (let pages = 0; ; pages += 1) {
              const page = repos.clients.listPage(query, after, 4);
              expect(page.rows.length).toBeLessThanOrEqual(4);
              expect(page.matching, JSON.stringify(query)).toBe(whole.rows.length);
              paged.push(...page.rows.map(([id]) => id));
              if (page.nextCursor === null) break;
              after = page.nextCursor;
              expect(pages).toBeLessThan(40);
            }
            expect(paged, JSON.stringify(query)).toEqual(whole.rows.map(([id]) => id));
          }
        }
      }
    }
  });

  it('refuses a cursor it did not make, with a validation error', () => {
    const query = { search: '', sort: 'name', direction: 'asc', show: 'all' } as const;
    expect(() => repos.clients.listPage(query, 'not a cursor', 10)).toThrow(
      expect.objectContaining({ kind: 'validation' }),
    );
  });
});
