import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, InvoiceModel } from '../../../shared/ipc/ledger-models';
import type { SyncStatus } from '../../../shared/ipc/models';
import { invoke, rawRequest, signIn } from './support/raw-http';
import { startTestHost, type TestHost } from './support/test-host';

let testHost: TestHost;
let origin: string;
let cookie: string;
const CLIENT = 'cl_atlas-fitness-studios';

async function value<T>(channel: string, input: unknown): Promise<T> {
  const response = await invoke(origin, cookie, channel, input);
  const envelope = response.json as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

beforeAll(async () => {
  testHost = await startTestHost();
  origin = testHost.host.origin;
  cookie = await signIn(testHost.host.signInUrl());
  for (;;) {
    const status = await value<SyncStatus>('sync.status', {});
    if (status.state === 'idle' && status.lastSyncedAt) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  await testHost?.stop();
});

describe('saving files through the web host', () => {
  it('offers a CSV export as a one-time download behind the session cookie', async () => {
    const filter = { types: ['top_up', 'plan_allocation'] };
    const result = await value<ExportResult>('ledger.export', { clientId: CLIENT, filter });
    expect(result).toMatchObject({ status: 'download', rows: expect.any(Number) });
    if (result.status !== 'download') throw new Error('expected a download');
    expect(result.url).toMatch(/^\/api\/downloads\/[\w-]{20,}$/);
    expect(result.fileName).toMatch(/^credit-log-atlas-fitness-studios-\d{4}-\d{2}-\d{2}\.csv$/);

    const withoutCookie = await rawRequest(origin, { path: result.url });
    expect(withoutCookie.status).toBe(401);

    const download = await rawRequest(origin, { path: result.url, headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers['content-disposition']).toContain(`attachment; filename="${result.fileName}"`);
    const lines = download.body.split('\r\n');
    // The first column is named after the computer's time zone, which the test does not choose.
    expect(lines[0]).toMatch(
      /^Date \([^)]+\),"Date \(UTC, ISO 8601\)",Type,Description,Amount,Balance after,Source,Invoice,Reference ID$/,
    );
    expect(lines.length - 2).toBe(result.rows);
    const { matching } = await value<{ matching: number }>('ledger.count', { clientId: CLIENT, filter });
    expect(result.rows).toBe(matching);
    expect(lines.slice(1, -1).every((line) => /^[^,]+,[^,]+,(Top-up|Plan allocation),/.test(line))).toBe(
      true,
    );

    const again = await rawRequest(origin, { path: result.url, headers: { cookie } });
    expect(again.status).toBe(404);
  });

  it('saves a hosted invoice page as an HTML download', async () => {
    const { invoices } = await value<{ invoices: InvoiceModel[] }>('invoices.list', { clientId: CLIENT });
    const invoice = invoices[0];
    if (!invoice) throw new Error('the seeded client has invoices');
    const result = await value<ExportResult>('invoices.save', { invoiceId: invoice.id });
    if (result.status !== 'download') throw new Error('expected a download');
    expect(result.fileName).toBe(`invoice-${invoice.number}.html`);
    const download = await rawRequest(origin, { path: result.url, headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.body).toContain(invoice.number);
  });

  it('answers an unknown download token with not found', async () => {
    const response = await rawRequest(origin, { path: '/api/downloads/nope', headers: { cookie } });
    expect(response.status).toBe(404);
  });
});
