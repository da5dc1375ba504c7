import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { BillingApiClient } from '../../../electron/core/billing-api/billing-api-client';
import { LedgerReadAhead } from '../../../electron/core/sync/ledger-read-ahead';

let sandbox: SandboxHandle;
let asked: { url: URL; signal: AbortSignal }[];
let pages: LedgerReadAhead;
let clientId: string;

beforeEach(async () => {
  sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  asked = [];
  const recordingFetch: typeof fetch = (input, init) => {
    if (init?.signal) asked.push({ url: new URL(String(input)), signal: init.signal });
    return fetch(input, init);
  };
  const api = new BillingApiClient({
    baseUrl: sandbox.url,
    token: sandbox.token,
    retries: 0,
    fetch: recordingFetch,
  });
  pages = new LedgerReadAhead(api, new AbortController().signal, 5);
  clientId = (await api.listClients({ limit: 1 })).data[0]?.id ?? '';
  asked = [];
});

afterEach(async () => {
  pages.dropAll();
  await sandbox.close();
});

const ledgerRequests = () => asked.filter((a) => a.url.pathname.endsWith('/ledger'));

describe('ledger pages asked for ahead', () => {
  it('are taken without asking again when the cursor still fits', async () => {
    pages.request(clientId, 0);
    pages.request(clientId, 0);
    const page = await pages.take(clientId, 0);

    expect(page.data.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(ledgerRequests()).toHaveLength(1);
  });

  it('are called off and asked for again when the cursor moved since', async () => {
    pages.request(clientId, 0);
    const page = await pages.take(clientId, 3);

    expect(page.data[0]?.seq).toBe(4);
    const [first, second] = ledgerRequests();
    expect(first?.url.searchParams.get('after_seq')).toBe('0');
    expect(first?.signal.aborted).toBe(true);
    expect(second?.url.searchParams.get('after_seq')).toBe('3');
  });

  it('are called off when nobody takes them, without an unhandled failure', async () => {
    pages.request(clientId, 0);
    pages.dropAll();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(ledgerRequests().map((a) => a.signal.aborted)).toEqual([true]);
  });
});
