import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TopUp, TopUpResult } from '../../../shared/api/payments-api';
import type { SandboxHandle } from '../../../sandbox/server';
import { openStore, readMeta, writeMeta } from '../../../sandbox/store/open-store';
import { SCHEMA_VERSION } from '../../../sandbox/store/schema';
import {
  chargesOf,
  clientIds,
  expectBooksBalanced,
  getClient,
  newKey,
  postJson,
  postTopUp,
  topUp,
  topUpsByKey,
} from './billing-fixture';
import { call, getParsed, removeDir, startTestSandbox, tempDir } from './sandbox-fixture';

let sandbox: SandboxHandle;
let ids: string[];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = await clientIds(sandbox);
});
afterAll(() => sandbox.close());

const client = (index: number): string => ids[index] ?? '';

/** Moves the sandbox's test clock forward by `hours`. */
async function advanceHours(hours: number): Promise<void> {
  const clock = (await call(sandbox, 'GET', '/sandbox/clock')).body as { now: string };
  const to = new Date(Date.parse(clock.now) + hours * 3_600_000).toISOString();
  await postJson(sandbox, '/sandbox/clock/advance', { to });
}

describe('GET /v1/top-ups?idempotency_key=…', () => {
  it('finds the top-up a key created, and nothing for a key never used', async () => {
    const key = newKey();
    const { top_up } = await topUp(sandbox, client(0), 'pack_1k', key);
    expect(await topUpsByKey(sandbox, key)).toEqual([top_up]);
    expect(await topUpsByKey(sandbox, newKey())).toEqual([]);
  });

  it('finds a declined top-up too, with its current status', async () => {
    await call(sandbox, 'PUT', '/sandbox/card', { body: { number: '4000000000000002' } });
    const key = newKey();
    try {
      const { top_up } = await topUp(sandbox, client(1), 'pack_1k', key);
      expect(top_up.status).toBe('requires_payment_method');
      await postJson(sandbox, `/v1/top-ups/${top_up.id}/cancel`, {});
      expect((await topUpsByKey(sandbox, key)).map((found) => [found.id, found.status])).toEqual([
        [top_up.id, 'canceled'],
      ]);
    } finally {
      await call(sandbox, 'PUT', '/sandbox/card', { body: { number: '4242424242424242' } });
    }
  });

  it('finds nothing for a request that failed validation', async () => {
    const key = newKey();
    expect((await postTopUp(sandbox, client(2), 'pack_nope', key)).status).toBe(400);
    expect(await topUpsByKey(sandbox, key)).toEqual([]);
  });

  it('needs the idempotency_key query parameter', async () => {
    const response = await call(sandbox, 'GET', '/v1/top-ups');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { type: 'invalid_request' } });
  });
});

describe('Idempotency-Key expiry (24 hours of test-clock time)', () => {
  it('replays within 24 hours; after that the key is a new request that charges again', async () => {
    const key = newKey();
    const before = await getClient(sandbox, client(3));
    const first = await topUp(sandbox, client(3), 'pack_1k', key);

    await advanceHours(23);
    const replay = await postTopUp(sandbox, client(3), 'pack_1k', key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first);
    expect(await chargesOf(sandbox, client(3))).toHaveLength(1);
    expect((await topUpsByKey(sandbox, key)).map((found) => found.id)).toEqual([first.top_up.id]);

    await advanceHours(2);
    const again = await postTopUp(sandbox, client(3), 'pack_1k', key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    const second = TopUpResult.parse(again.body);
    expect(second.top_up.id).not.toBe(first.top_up.id);
    expect(second.top_up.status).toBe('succeeded');
    const charges = await chargesOf(sandbox, client(3));
    expect(charges.map((charge) => charge.top_up_id).sort()).toEqual(
      [first.top_up.id, second.top_up.id].sort(),
    );
    expect((await getClient(sandbox, client(3))).balance.top_up).toBe(before.balance.top_up + 2_000);
    expect((await topUpsByKey(sandbox, key)).map((found) => found.id)).toEqual([
      second.top_up.id,
      first.top_up.id,
    ]);

    // The key now stands for the second request: a retry replays it and charges nothing more.
    const retry = await postTopUp(sandbox, client(3), 'pack_1k', key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(second);
    expect(await chargesOf(sandbox, client(3))).toHaveLength(2);
  });

  it('takes another body with an expired key as a new request instead of a 409', async () => {
    const key = newKey();
    await topUp(sandbox, client(4), 'pack_1k', key);
    expect((await postTopUp(sandbox, client(4), 'pack_5k', key)).status).toBe(409);
    await advanceHours(25);
    const other = await topUp(sandbox, client(4), 'pack_5k', key);
    expect(other.top_up).toMatchObject({ status: 'succeeded', pack_id: 'pack_5k' });
    expect((await topUpsByKey(sandbox, key)).map((found) => found.pack_id)).toEqual(['pack_5k', 'pack_1k']);
  });

  it('keeps the money trail one to one across expired keys', async () => {
    expect(await expectBooksBalanced(sandbox)).toBe(5);
  });
});

describe('a store written before key lookups existed', () => {
  it('gains the lookup table in place when reopened, keeping its data', async () => {
    const dataDir = tempDir();
    try {
      const old = await startTestSandbox({ dataDir });
      const earlier = await topUp(old, (await clientIds(old))[0] ?? '', 'pack_1k');
      await old.close();
      const db = openStore({ dataDir });
      db.exec('DROP TABLE top_up_keys');
      writeMeta(db, 'schema_version', '2');
      db.close();

      const reopened = await startTestSandbox({ dataDir });
      try {
        expect((await getParsed(reopened, `/v1/top-ups/${earlier.top_up.id}`, TopUp)).status).toBe(
          'succeeded',
        );
        const key = newKey();
        const { top_up } = await topUp(reopened, (await clientIds(reopened))[1] ?? '', 'pack_1k', key);
        expect((await topUpsByKey(reopened, key)).map((found) => found.id)).toEqual([top_up.id]);
      } finally {
        await reopened.close();
      }
      const upgraded = openStore({ dataDir });
      expect(readMeta(upgraded, 'schema_version')).toBe(String(SCHEMA_VERSION));
      upgraded.close();
    } finally {
      removeDir(dataDir);
    }
  });
});
