import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { openCache } from '../../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../../electron/core/db/repositories';
import {
  isOpenPurchaseConflict,
  type NewPurchase,
  type Workspace,
} from '../../../electron/core/db/journal/purchase-journal-repo';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

let dataDir: string;
let close: () => void;
let repos: Repositories;
let clock: Date;

function open(): void {
  const { db } = openCache({ dataDir });
  close = () => db.close();
  repos = createRepositories(db, () => clock);
}

beforeEach(() => {
  dataDir = makeTempDir();
  clock = new Date('2026-06-15T10:00:00.000Z');
  open();
});

afterEach(() => {
  close();
  cleanupTempDirs();
});

const CARD = { brand: 'Visa', last4: '4242', expMonth: 12, expYear: 2030 };
const WORKSPACE: Workspace = { owner: 'https://billing.example.com', agencyId: 'ag_1' };
const PURCHASE: NewPurchase = {
  id: 'pur_1',
  workspace: WORKSPACE,
  clientId: 'cl_a',
  clientName: 'Atlas Fitness Studios',
  packId: 'pack_5k',
  tokens: 5_000,
  amount: { amount: 6_500, currency: 'USD' },
  idempotencyKey: 'idem-1',
  card: CARD,
};

describe('purchase journal repository', () => {
  it('records a purchase as pending before anything is sent, and keeps it across a reopen', () => {
    const record = repos.purchases.insertPending(PURCHASE);
    expect(record).toMatchObject({ state: 'pending', topUpId: null, paymentError: null, card: CARD });
    close();
    open();
    expect(repos.purchases.get('pur_1')).toEqual(record);
    expect(repos.purchases.unfinished(WORKSPACE)).toEqual([record]);
  });

  it('allows only one unfinished purchase per client and workspace, and a new one once it is final', () => {
    repos.purchases.insertPending(PURCHASE);
    let refused: unknown;
    try {
      repos.purchases.insertPending({ ...PURCHASE, id: 'pur_2', idempotencyKey: 'idem-2' });
    } catch (error) {
      refused = error;
    }
    expect(isOpenPurchaseConflict(refused)).toBe(true);
    repos.purchases.insertPending({ ...PURCHASE, id: 'pur_b', clientId: 'cl_b', idempotencyKey: 'idem-b' });

    let state = 'pending' as const satisfies string as string;
    for (const next of [
      'processing',
      'requires_action',
      'requires_payment_method',
      'needs_review',
    ] as const) {
      expect(repos.purchases.update('pur_1', state as 'pending', { state: next }).applied).toBe(true);
      expect(repos.purchases.openForClient(WORKSPACE, 'cl_a')?.state).toBe(next);
      state = next;
    }
    repos.purchases.update('pur_1', 'needs_review', { state: 'succeeded' });
    expect(repos.purchases.openForClient(WORKSPACE, 'cl_a')).toBeNull();
    expect(repos.purchases.insertPending({ ...PURCHASE, id: 'pur_2', idempotencyKey: 'idem-2' }).state).toBe(
      'pending',
    );
  });

  it('keeps workspaces apart: another backend or agency neither sees nor blocks these purchases', () => {
    repos.purchases.insertPending(PURCHASE);
    const other: Workspace = { owner: 'sandbox', agencyId: 'ag_1' };
    expect(repos.purchases.openForClient(other, 'cl_a')).toBeNull();
    expect(repos.purchases.unfinished(other)).toEqual([]);
    const theirs = repos.purchases.insertPending({
      ...PURCHASE,
      id: 'pur_o',
      idempotencyKey: 'idem-o',
      workspace: other,
    });
    expect(repos.purchases.unfinished(other)).toEqual([theirs]);
    expect(repos.purchases.unfinished(WORKSPACE).map((p) => p.id)).toEqual(['pur_1']);
  });

  it('changes a purchase only from the state the change was decided from', () => {
    repos.purchases.insertPending(PURCHASE);
    const paid = repos.purchases.update('pur_1', 'pending', { state: 'processing' });
    expect(paid).toMatchObject({ applied: true, record: { state: 'processing' } });
    const stale = repos.purchases.update('pur_1', 'pending', { state: 'canceled' });
    expect(stale).toMatchObject({ applied: false, record: { state: 'processing' } });
    expect(repos.purchases.get('pur_1')?.state).toBe('processing');
  });

  it('stores every field a state change carries, never rewrites the key, and stamps the change time', () => {
    repos.purchases.insertPending(PURCHASE);
    clock = new Date('2026-06-15T10:05:00.000Z');
    const declined = repos.purchases.update('pur_1', 'pending', {
      state: 'requires_payment_method',
      topUpId: 'tu_1',
      clientSecret: 'tu_1_secret',
      paymentError: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Declined.' },
      lastAnswer: { at: '2026-06-15T10:04:00.000Z', detail: 'Said something.', advice: 'Do something.' },
    }).record;
    expect(declined).toMatchObject({
      updatedAt: '2026-06-15T10:05:00.000Z',
      createdAt: '2026-06-15T10:00:00.000Z',
      lastAnswer: { detail: 'Said something.' },
    });
    const paid = repos.purchases.update('pur_1', 'requires_payment_method', {
      state: 'succeeded',
      amount: { amount: 6_900, currency: 'USD' },
      clientSecret: null,
      paymentError: null,
      lastAnswer: null,
      balanceAfter: { total: 9_000, plan: 4_000, topUp: 5_000 },
      invoiceId: 'in_1',
    }).record;
    expect(repos.purchases.get('pur_1')).toEqual(paid);
    expect(paid).toMatchObject({
      topUpId: 'tu_1',
      idempotencyKey: 'idem-1',
      amount: { amount: 6_900, currency: 'USD' },
      clientSecret: null,
      paymentError: null,
      lastAnswer: null,
      invoiceId: 'in_1',
    });
  });
});

describe('migrations 004 and 005 (purchase states, the journal moves to its own file)', () => {
  it('maps rows of the old journal into purchases.sqlite with the workspace the cache belonged to', () => {
    const dir = makeTempDir();
    const db = new Database(path.join(dir, 'cache.sqlite'));
    migrate(db, migrations.slice(0, 3));
    db.exec(`
      INSERT INTO clients (id, name, name_folded, plan_tier, plan_name, plan_tokens_per_cycle, plan_price_amount,
        plan_price_currency, cycle_start, renewal_date, balance_total, balance_plan, balance_top_up,
        auto_reload_enabled, auto_reload_threshold, updated_at)
      VALUES ('cl_a', 'Atlas', 'atlas', 'growth', 'Growth', 10000, 9900, 'USD', '2026-06-01', '2026-07-01',
        1, 1, 0, 0, 0, '2026-06-01T00:00:00.000Z');
      INSERT INTO packs (id, position, tokens, price_amount, price_currency) VALUES ('pack_5k', 1, 5000, 6500, 'USD');
      INSERT INTO meta (key, value) VALUES ('cache_owner', 'sandbox');
      INSERT INTO purchase_journal (id, client_id, pack_id, idempotency_key, state, top_up_id, error, created_at,
        updated_at) VALUES
        ('old_1', 'cl_a', 'pack_5k', 'k1', 'submitted', NULL, NULL, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
        ('old_2', 'cl_a', 'pack_5k', 'k2', 'created', NULL, NULL, '2026-06-02T00:00:00.000Z', '2026-06-02T00:00:00.000Z'),
        ('old_3', 'cl_b', 'pack_x', 'k3', 'failed', 'tu_3', 'Card declined', '2026-06-03T00:00:00.000Z', '2026-06-03T00:00:00.000Z');
    `);
    db.close();
    const { db: upgraded } = openCache({ dataDir: dir });
    const migrated = createRepositories(upgraded);
    try {
      expect(migrated.purchases.get('old_1')).toMatchObject({
        state: 'processing',
        workspace: { owner: 'sandbox', agencyId: '' },
        clientName: 'Atlas',
        tokens: 5_000,
        amount: { amount: 6_500, currency: 'USD' },
      });
      expect(migrated.purchases.get('old_2')).toMatchObject({
        state: 'canceled',
        paymentError: { code: 'not_sent' },
      });
      expect(migrated.purchases.get('old_3')).toMatchObject({
        state: 'failed',
        topUpId: 'tu_3',
        clientName: 'cl_b',
        paymentError: { message: 'Card declined' },
      });
      const workspace = { owner: 'sandbox', agencyId: 'ag_9' };
      expect(migrated.purchases.unfinished(workspace)).toEqual([]);
      expect(migrated.purchases.adoptUnowned(workspace)).toBe(3);
      expect(migrated.purchases.unfinished(workspace).map((p) => p.id)).toEqual(['old_1']);
      const cacheTables = upgraded
        .prepare<[], { name: string }>("SELECT name FROM main.sqlite_master WHERE name = 'purchase_journal'")
        .all();
      expect(cacheTables).toEqual([]);
    } finally {
      upgraded.close();
    }
  });
});
