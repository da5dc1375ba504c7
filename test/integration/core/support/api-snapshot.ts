/**
 * Reads everything the billing API serves, straight over HTTP with the shared
 * schemas (not through the code under test), to compare the cache against.
 */
import type { z } from 'zod';
import {
  ClientList,
  InvoiceList,
  LedgerPage,
  Me,
  PackList,
  PlanList,
  type Client,
  type Invoice,
  type LedgerEntry,
} from '../../../../shared/api/billing-api';
import type { Repositories } from '../../../../electron/core/db/repositories';

export interface ApiSnapshot {
  me: z.infer<typeof Me>;
  packs: z.infer<typeof PackList>['data'];
  plans: z.infer<typeof PlanList>['data'];
  clients: Client[];
  ledger: Record<string, LedgerEntry[]>;
  invoices: Record<string, Invoice[]>;
}

async function get<T extends z.ZodType>(url: string, token: string, schema: T): Promise<z.infer<T>> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return schema.parse(await response.json());
}

async function allPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ data: T[]; next_cursor: string | null }>,
): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    rows.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return rows;
}

export async function snapshotApi(baseUrl: string, token: string): Promise<ApiSnapshot> {
  const me = await get(`${baseUrl}/v1/me`, token, Me);
  const packs = (await get(`${baseUrl}/v1/packs`, token, PackList)).data;
  const plans = (await get(`${baseUrl}/v1/plans`, token, PlanList)).data;
  const clients = await allPages((cursor) =>
    get(
      `${baseUrl}/v1/clients?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
      ClientList,
    ),
  );
  const ledger: Record<string, LedgerEntry[]> = {};
  const invoices: Record<string, Invoice[]> = {};
  for (const client of clients) {
    const entries: LedgerEntry[] = [];
    let afterSeq = 0;
    for (;;) {
      const page = await get(
        `${baseUrl}/v1/clients/${client.id}/ledger?after_seq=${afterSeq}&limit=1000`,
        token,
        LedgerPage,
      );
      entries.push(...page.data);
      const last = page.data.at(-1);
      if (!last || page.next_cursor === null) break;
      afterSeq = last.seq;
    }
    ledger[client.id] = entries;
    invoices[client.id] = await allPages((cursor) =>
      get(
        `${baseUrl}/v1/clients/${client.id}/invoices?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
        InvoiceList,
      ),
    );
  }
  return { me, packs, plans, clients, ledger, invoices };
}

/** The same shape, read back from the cache. */
export function snapshotCache(repos: Repositories): ApiSnapshot {
  const byId = repos.clients.ids().flatMap((id) => repos.clients.get(id) ?? []);
  const me = repos.account.get();
  if (!me) throw new Error('no account in the cache');
  return {
    me,
    packs: repos.packs.list(),
    plans: repos.plans.list(),
    clients: byId,
    ledger: Object.fromEntries(byId.map((c) => [c.id, repos.ledger.listForClient(c.id)])),
    invoices: Object.fromEntries(byId.map((c) => [c.id, repos.invoices.listForClient(c.id)])),
  };
}

export function sortedById(snapshot: ApiSnapshot): ApiSnapshot {
  return { ...snapshot, clients: [...snapshot.clients].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}
