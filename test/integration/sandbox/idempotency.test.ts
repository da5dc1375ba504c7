import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChargeList } from '../../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../../sandbox/server';
import { openStore } from '../../../sandbox/store/open-store';
import {
  clientIds,
  expectBooksBalanced,
  getClient,
  newKey,
  postJson,
  postTopUp,
  topUp,
} from './billing-fixture';
import { call, removeDir, startTestSandbox, tempDir } from './sandbox-fixture';

let dataDir: string;
let sandbox: SandboxHandle;
let ids: string[];

beforeAll(async () => {
  dataDir = tempDir();
  sandbox = await startTestSandbox({ dataDir });
  ids = await clientIds(sandbox);
});
afterAll(async () => {
  await sandbox.close();
  removeDir(dataDir);
});

const client = (index: number): string => ids[index] ?? '';

async function chargesFor(topUpId: string) {
  const charges = ChargeList.parse((await call(sandbox, 'GET', '/sandbox/charges')).body).data;
  return charges.filter((charge) => charge.top_up_id === topUpId);
}

describe('Idempotency-Key on POST /v1/clients/:id/top-ups', () => {
  it('is required', async () => {
    const response = await call(sandbox, 'POST', `/v1/clients/${client(0)}/top-ups`, {
      body: { pack_id: 'pack_1k' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'idempotency_key_required' } });
  });

  it('replays the first result for the same key and body, charging once', async () => {
    const key = newKey();
    const before = await getClient(sandbox, client(1));
    const first = await topUp(sandbox, client(1), 'pack_1k', key);
    const retry = await postTopUp(sandbox, client(1), 'pack_1k', key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first);
    expect(await chargesFor(first.top_up.id)).toHaveLength(1);
    expect((await getClient(sandbox, client(1))).balance.total).toBe(before.balance.total + 1_000);
  });

  it('answers 409 for the same key with a different body or client, changing nothing', async () => {
    const key = newKey();
    await topUp(sandbox, client(2), 'pack_1k', key);
    const before = await getClient(sandbox, client(2));
    const otherPack = await postTopUp(sandbox, client(2), 'pack_5k', key);
    expect(otherPack.status).toBe(409);
    expect(otherPack.body).toMatchObject({ error: { type: 'conflict', code: 'idempotency_key_reused' } });
    expect((await postTopUp(sandbox, client(3), 'pack_1k', key)).status).toBe(409);
    expect((await getClient(sandbox, client(2))).balance).toEqual(before.balance);
  });

  it('charges once when 10 requests with one key race', async () => {
    const key = newKey();
    const before = await getClient(sandbox, client(4));
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postTopUp(sandbox, client(4), 'pack_5k', key)),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    const topUpIds = new Set(
      responses.map((response) => (response.body as { top_up: { id: string } }).top_up.id),
    );
    expect(topUpIds.size).toBe(1);
    expect(await chargesFor([...topUpIds][0] ?? '')).toHaveLength(1);
    expect((await getClient(sandbox, client(4))).balance.total).toBe(before.balance.total + 5_000);
  });

  it('charges each of 10 racing requests with distinct keys exactly once', async () => {
    const before = await getClient(sandbox, client(5));
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postTopUp(sandbox, client(5), 'pack_1k')),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect((await getClient(sandbox, client(5))).balance.total).toBe(before.balance.total + 10_000);
  });

  it('keeps the charge when the response is dropped, and a retry with the key returns it', async () => {
    const key = newKey();
    const before = await getClient(sandbox, client(6));
    await postJson(sandbox, '/sandbox/faults', { drop_next: { route: 'createTopUp', count: 1 } });
    await expect(postTopUp(sandbox, client(6), 'pack_10k', key)).rejects.toThrow();
    const afterDrop = await getClient(sandbox, client(6));
    expect(afterDrop.balance.total).toBe(before.balance.total + 10_000);
    const retry = await postTopUp(sandbox, client(6), 'pack_10k', key);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const { top_up } = retry.body as { top_up: { id: string; status: string } };
    expect(top_up.status).toBe('succeeded');
    expect(await chargesFor(top_up.id)).toHaveLength(1);
    expect((await getClient(sandbox, client(6))).balance.total).toBe(afterDrop.balance.total);
  });

  it('still replays after a restart on the same data', async () => {
    const key = newKey();
    const first = await topUp(sandbox, client(7), 'pack_1k', key);
    await sandbox.close();
    sandbox = await startTestSandbox({ dataDir });
    const retry = await postTopUp(sandbox, client(7), 'pack_1k', key);
    expect(retry.body).toEqual(first);
    expect(await chargesFor(first.top_up.id)).toHaveLength(1);
    await expectBooksBalanced(sandbox);
  });
});

describe('the store itself', () => {
  it('refuses a second credit, capture or invoice for one top-up (UNIQUE indexes)', async () => {
    const { top_up, ledger_entry } = await topUp(sandbox, client(8), 'pack_1k');
    const db = openStore({ dataDir });
    try {
      const credit = db.prepare(
        `INSERT INTO ledger (client_id, seq, id, at, type, amount, balance_after, bucket, top_up_id, description)
         VALUES (?, 100000, 'led_dup', ?, 'top_up', 1000, 1000, 'top_up', ?, 'dup')`,
      );
      expect(() => credit.run(client(8), ledger_entry?.at, top_up.id)).toThrow(/UNIQUE/);
      const capture = db.prepare(
        `INSERT INTO charges (id, top_up_id, client_id, amount, currency, card_brand, card_last4, status, created_at)
         VALUES ('ch_dup', ?, ?, 1500, 'USD', 'Visa', '4242', 'succeeded', ?)`,
      );
      expect(() => capture.run(top_up.id, client(8), top_up.created_at)).toThrow(/UNIQUE/);
      const invoice = db.prepare(
        `INSERT INTO invoices (id, client_id, number, created_at, description, amount, currency, status, lines_json,
           top_up_id) VALUES ('in_dup', ?, 'DUP-0001', ?, 'dup', 1500, 'USD', 'paid', '[]', ?)`,
      );
      expect(() => invoice.run(client(8), top_up.created_at, top_up.id)).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });
});
