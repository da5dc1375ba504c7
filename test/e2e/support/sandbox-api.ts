/** Reads the billing sandbox directly, so tests compare the app against the source of truth. */
import { ClientList, LedgerPage, Me, type Client } from '../../../shared/api/billing-api';

export interface BillingApi {
  url: string;
  token: string;
}

function apiUrl(api: BillingApi, path: string): URL {
  return new URL(path, api.url.endsWith('/') ? api.url : `${api.url}/`);
}

async function getJson(api: BillingApi, path: string): Promise<unknown> {
  const response = await fetch(apiUrl(api, path), {
    headers: { authorization: `Bearer ${api.token}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered HTTP ${response.status}.`);
  return response.json();
}

export async function getSandboxMe(api: BillingApi): Promise<Me> {
  return Me.parse(await getJson(api, 'v1/me'));
}

export async function listSandboxClients(api: BillingApi): Promise<Client[]> {
  const clients: Client[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const page = ClientList.parse(await getJson(api, `v1/clients?${query}`));
    clients.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return clients;
}

/** Entry count and highest sequence number of one client's ledger. */
export async function sandboxLedgerSummary(
  api: BillingApi,
  clientId: string,
): Promise<{ count: number; maxSeq: number }> {
  let count = 0;
  let maxSeq = 0;
  for (;;) {
    const query = new URLSearchParams({ after_seq: String(maxSeq), limit: '1000' });
    const page = LedgerPage.parse(
      await getJson(api, `v1/clients/${encodeURIComponent(clientId)}/ledger?${query}`),
    );
    if (page.data.length === 0) return { count, maxSeq };
    count += page.data.length;
    maxSeq = Math.max(maxSeq, ...page.data.map((entry) => entry.seq));
    if (page.next_cursor === null) return { count, maxSeq };
  }
}

/** Buys a pack through the billing API directly, as another device of the agency would, with the saved card. */
export async function createSandboxTopUp(
  api: BillingApi,
  clientId: string,
  packId: string,
  idempotencyKey: string,
): Promise<Response> {
  return fetch(apiUrl(api, `v1/clients/${encodeURIComponent(clientId)}/top-ups`), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${api.token}`,
      'content-type': 'application/json',
      'Idempotency-Key': idempotencyKey,
    },
    body: JSON.stringify({ pack_id: packId }),
  });
}
