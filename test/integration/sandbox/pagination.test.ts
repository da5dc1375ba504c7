import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/api/billing-api';
import { ClientList, InvoiceList, LedgerPage, type LedgerEntry } from '../../../shared/api/billing-api';
import type { SandboxHandle } from '../../../sandbox/server';
import { call, FIXED_NOW, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let clients: Client[];
let clock = FIXED_NOW;

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => clock });
  clients = (await getParsed(sandbox, '/v1/clients?limit=500', ClientList)).data;
});
afterAll(() => sandbox.close());

async function allLedgerPages(
  clientId: string,
  limit: number,
): Promise<{ entries: LedgerEntry[]; pages: number }> {
  const entries: LedgerEntry[] = [];
  let after = 0;
  let pages = 0;
  for (;;) {
    const page = await getParsed(
      sandbox,
      `/v1/clients/${clientId}/ledger?after_seq=${after}&limit=${limit}`,
      LedgerPage,
    );
    pages += 1;
    entries.push(...page.data);
    if (page.next_cursor === null) return { entries, pages };
    after = Number(page.next_cursor);
    expect(after).toBe(page.data[page.data.length - 1]?.seq);
  }
}

describe('list pagination', () => {
  it('pages through the whole ledger with no gap and no duplicate', async () => {
    const busiest = clients[0] as Client;
    const whole = await getParsed(sandbox, `/v1/clients/${busiest.id}/ledger?limit=1000`, LedgerPage);
    expect(whole.next_cursor).toBeNull();
    const paged = await allLedgerPages(busiest.id, 37);
    expect(paged.pages).toBe(Math.ceil(whole.data.length / 37));
    expect(paged.entries).toEqual(whole.data);
    expect(paged.entries.map((e) => e.seq)).toEqual(whole.data.map((_, i) => i + 1));
  });

  it('returns the ledger oldest first with a default page of 500 and resumes after a seq', async () => {
    const id = (clients[1] as Client).id;
    const first = await getParsed(sandbox, `/v1/clients/${id}/ledger`, LedgerPage);
    expect(first.data.length).toBeLessThanOrEqual(500);
    const total = (await allLedgerPages(id, 1000)).entries.length;
    expect(first.next_cursor).toBe(total > 500 ? '500' : null);
    const tail = await getParsed(sandbox, `/v1/clients/${id}/ledger?after_seq=${total - 2}`, LedgerPage);
    expect(tail.data.map((e) => e.seq)).toEqual([total - 1, total]);
    expect(tail.next_cursor).toBeNull();
  });

  it('pages through clients by cursor, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await getParsed(sandbox, `/v1/clients?limit=7${query}`, ClientList);
      expect(page.data.length).toBeLessThanOrEqual(7);
      seen.push(...page.data.map((c) => c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(clients.map((c) => c.id));
    expect(new Set(seen).size).toBe(clients.length);
  });

  it('lists invoices newest first across pages', async () => {
    const id = (clients[2] as Client).id;
    const ids: string[] = [];
    const dates: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await getParsed(sandbox, `/v1/clients/${id}/invoices?limit=3${query}`, InvoiceList);
      ids.push(...page.data.map((i) => i.id));
      dates.push(...page.data.map((i) => i.created_at));
      cursor = page.next_cursor;
    } while (cursor);
    const whole = await getParsed(sandbox, `/v1/clients/${id}/invoices?limit=500`, InvoiceList);
    expect(ids).toEqual(whole.data.map((i) => i.id));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(ids.length).toBeGreaterThanOrEqual(6);
  });

  it('filters clients by updated_since, inclusively, and shows an update made later', async () => {
    const latest = clients
      .map((c) => c.updated_at)
      .sort()
      .at(-1) as string;
    const since = await getParsed(sandbox, `/v1/clients?updated_since=${latest}`, ClientList);
    expect(since.data.length).toBeGreaterThanOrEqual(1);
    expect(since.data.every((c) => c.updated_at >= latest)).toBe(true);
    const later = new Date(FIXED_NOW.getTime() + 1).toISOString();
    expect((await getParsed(sandbox, `/v1/clients?updated_since=${later}`, ClientList)).data).toEqual([]);

    const target = clients[3] as Client;
    clock = new Date(FIXED_NOW.getTime() + 60_000);
    await call(sandbox, 'PUT', `/v1/clients/${target.id}/auto-reload`, {
      body: { enabled: true, threshold: 2_000, pack_id: 'pack_10k' },
    });
    const changed = await getParsed(sandbox, `/v1/clients?updated_since=${later}`, ClientList);
    expect(changed.data.map((c) => c.id)).toEqual([target.id]);
    expect(changed.data[0]?.auto_reload).toEqual({
      enabled: true,
      threshold: 2_000,
      pack_id: 'pack_10k',
      monthly_limit: null,
    });
  });
});
