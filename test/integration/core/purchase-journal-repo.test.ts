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
} from '../../../electron/core/db/repositories/purchase-journal-repo';
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
const PURCHASE: NewPurchase = {
  id: 'pur_1',
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
    expect(repos.purchases.unfinished()).toEqual([record]);
  });

  it('allows only one unfinished purchase per client, and a new one once it is final', () => {
    repos.purchases.insertPending(PURCHASE);
    let refused: unknown;
    try {
      repos.purchases.insertPending({ ...PURCHASE, id: 'pur_2', idempotencyKey: 'idem-2' });
    } catch (error) {
      refused = error;
    }
    expect(isOpenPurchaseConflict(refused)).toBe(true);
    repos.purchases.insertPending({ ...PURCHASE, id: 'pur_b', clientId: 'cl_b', idempotencyKey: 'idem-b' });

    for (const state of ['processing', 'requires_action', 'requires_payment_method'] as const) {
      repos.purchases.update('pur_1', { state });
      expect(repos.purchases.openForClient('cl_a')?.state).toBe(state);
    }
    repos.purchases.update('pur_1', { state: 'succeeded' });
    expect(repos.purchases.openForClient('cl_a')).toBeNull();
    expect(repos.purchases.insertPending({ ...PURCHASE, id: 'pur_2', idempotencyKey: 'idem-2' }).state).toBe(
      'pending',
    );
  });

  it('stores every field a state change carries and stamps the change time', () => {
    repos.purchases.insertPending(PURCHASE);
    clock = new Date('2026-06-15T10:05:00.000Z');
    const declined = repos.purchases.update('pur_1', {
      state: 'requires_payment_method',
      topUpId: 'tu_1',
      clientSecret: 'tu_1_secret',
      paymentError: { code: 'card_declined', declineCode: 'insufficient_funds', message: 'Declined.' },
    });
    expect(declined).toMatchObject({
      updatedAt: '2026-06-15T10:05:00.000Z',
      createdAt: '2026-06-15T10:00:00.000Z',
    });
    const paid = repos.purchases.update('pur_1', {
      state: 'succeeded',
      clientSecret: null,
      paymentError: null,
      balanceAfter: { total: 9_000, plan: 4_000, topUp: 5_000 },
      invoiceId: 'in_1',
    });
    expect(repos.purchases.get('pur_1')).toEqual(paid);
    expect(paid).toMatchObject({
      topUpId: 'tu_1',
      clientSecret: null,
      paymentError: null,
      invoiceId: 'in_1',
    });
  });
});

describe('migration 004 (purchase states)', () => {
  it('maps rows of the old journal: submitted stays open (processing), a never-sent duplicate is canceled', () => {
    const file = path.join(makeTempDir(), 'old.sqlite');
    const db = new Database(file);
    migrate(db, migrations.slice(0, 3));
    db.exec(`
      INSERT INTO clients (id, name, name_folded, plan_tier, plan_name, plan_tokens_per_cycle, plan_price_amount,
        plan_price_currency, cycle_start, renewal_date, balance_total, balance_plan, balance_top_up,
        auto_reload_enabled, auto_reload_threshold, updated_at)
      VALUES ('cl_a', 'Atlas', 'atlas', 'growth', 'Growth', 10000, 9900, 'USD', '2026-06-01', '2026-07-01',
        1, 1, 0, 0, 0, '2026-06-01T00:00:00.000Z');
      INSERT INTO packs (id, position, tokens, price_amount, price_currency) VALUES ('pack_5k', 1, 5000, 6500, 'USD');
      INSERT INTO purchase_journal (id, client_id, pack_id, idempotency_key, state, top_up_id, error, created_at,
        updated_at) VALUES
        ('old_1', 'cl_a', 'pack_5k', 'k1', 'submitted', NULL, NULL, '2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
        ('old_2', 'cl_a', 'pack_5k', 'k2', 'created', NULL, NULL, '2026-06-02T00:00:00.000Z', '2026-06-02T00:00:00.000Z'),
        ('old_3', 'cl_b', 'pack_x', 'k3', 'failed', 'tu_3', 'Card declined', '2026-06-03T00:00:00.000Z', '2026-06-03T00:00:00.000Z');
    `);
    migrate(db);
    db.close();
    const migratedDb = new Database(file);
    const migrated = createRepositories(migratedDb);
    expect(migrated.purchases.get('old_1')).toMatchObject({
      state: 'processing',
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
    expect(migrated.purchases.unfinished().map((p) => p.id)).toEqual(['old_1']);
    migratedDb.close();
  });
});
