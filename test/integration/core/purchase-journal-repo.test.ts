import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../../electron/core/db/repositories';
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

const PURCHASE = { id: 'pur_1', clientId: 'cl_a', packId: 'pack_5k', idempotencyKey: 'idem-1' };

describe('purchase journal repository', () => {
  it('records a purchase as created, findable by id and by idempotency key, across restarts', () => {
    const created = repos.purchases.insert(PURCHASE);
    expect(created).toEqual({
      ...PURCHASE,
      state: 'created',
      topUpId: null,
      error: null,
      createdAt: '2026-06-15T10:00:00.000Z',
      updatedAt: '2026-06-15T10:00:00.000Z',
    });
    close();
    open();
    expect(repos.purchases.get('pur_1')).toEqual(created);
    expect(repos.purchases.getByIdempotencyKey('idem-1')).toEqual(created);
    expect(repos.purchases.get('nope')).toBeNull();
  });

  it('refuses to reuse an idempotency key', () => {
    repos.purchases.insert(PURCHASE);
    expect(() => repos.purchases.insert({ ...PURCHASE, id: 'pur_2' })).toThrow(/UNIQUE/);
    expect(repos.purchases.get('pur_2')).toBeNull();
  });

  it('moves through states, keeping the top-up id once known', () => {
    repos.purchases.insert(PURCHASE);
    clock = new Date('2026-06-15T10:00:05.000Z');
    expect(repos.purchases.updateState('pur_1', { state: 'submitted', topUpId: 'tu_9' })).toMatchObject({
      state: 'submitted',
      topUpId: 'tu_9',
      updatedAt: '2026-06-15T10:00:05.000Z',
      createdAt: '2026-06-15T10:00:00.000Z',
    });
    expect(repos.purchases.updateState('pur_1', { state: 'failed', error: 'card_declined' })).toMatchObject({
      state: 'failed',
      topUpId: 'tu_9',
      error: 'card_declined',
    });
    expect(repos.purchases.updateState('missing', { state: 'succeeded' })).toBeNull();
  });
});
