import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientList, InvoiceList, type Client } from '../../../shared/api/billing-api';
import { billingRoutes, type BillingRouteName } from '../../../shared/api/routes';
import type { SandboxHandle } from '../../../sandbox/server';
import { call, getParsed, startTestSandbox } from './sandbox-fixture';

let sandbox: SandboxHandle;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = (await getParsed(sandbox, '/v1/clients?limit=1', ClientList)).data[0] as Client;
});
afterAll(() => sandbox.close());

describe('every Billing API route', () => {
  it('answers with a body that parses with the route response schema', async () => {
    // A declining saved card leaves the top-up payable, so its checkout session can be opened too.
    await call(sandbox, 'PUT', '/sandbox/card', { body: { number: '4000000000000002' } });
    let topUpId = '';
    const requests: Record<
      BillingRouteName,
      { path: string | (() => string); body?: unknown; headers?: Record<string, string> }
    > = {
      getMe: { path: '/v1/me' },
      listClients: { path: '/v1/clients' },
      getClient: { path: `/v1/clients/${client.id}` },
      listPacks: { path: '/v1/packs' },
      listPlans: { path: '/v1/plans' },
      listLedger: { path: `/v1/clients/${client.id}/ledger` },
      listInvoices: { path: `/v1/clients/${client.id}/invoices` },
      updateAutoReload: {
        path: `/v1/clients/${client.id}/auto-reload`,
        body: { enabled: true, threshold: 1_000, pack_id: 'pack_5k' },
      },
      createTopUp: {
        path: `/v1/clients/${client.id}/top-ups`,
        body: { pack_id: 'pack_1k' },
        headers: { 'Idempotency-Key': 'routes-test-top-up' },
      },
      findTopUps: { path: '/v1/top-ups?idempotency_key=routes-test-top-up' },
      getTopUp: { path: () => `/v1/top-ups/${topUpId}` },
      createCheckoutSession: { path: () => `/v1/top-ups/${topUpId}/checkout-session` },
      createSetupSession: { path: '/v1/checkout/setup-sessions' },
      cancelTopUp: { path: () => `/v1/top-ups/${topUpId}/cancel` },
    };
    expect(Object.keys(requests).sort()).toEqual(Object.keys(billingRoutes).sort());
    for (const name of Object.keys(billingRoutes) as BillingRouteName[]) {
      const route = billingRoutes[name];
      const request = requests[name];
      const path = typeof request.path === 'string' ? request.path : request.path();
      const response = await call(sandbox, route.method, path, {
        body: request.body,
        headers: request.headers,
      });
      expect(response.status, `${name} status`).toBe(200);
      if (name === 'createTopUp') topUpId = (response.body as { top_up: { id: string } }).top_up.id;
      const parsed = route.response.safeParse(response.body);
      expect(parsed.success, `${name}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
    await call(sandbox, 'PUT', '/sandbox/card', { body: { number: '4242424242424242' } });
  });

  it('lists the agency, its saved card, the plans and the packs', async () => {
    const me = await call(sandbox, 'GET', '/v1/me');
    expect(me.body).toMatchObject({
      card: { brand: 'Visa', last4: '4242', exp_month: 12, exp_year: 2030 },
      stripe_publishable_key: 'pk_test_sandbox',
    });
    const packs = (await call(sandbox, 'GET', '/v1/packs')).body as { data: Array<{ tokens: number }> };
    expect(packs.data.map((p) => p.tokens)).toEqual([1_000, 5_000, 10_000, 25_000]);
  });

  it('updates auto reload, returning the client with a later updated_at', async () => {
    const response = await call(sandbox, 'PUT', `/v1/clients/${client.id}/auto-reload`, {
      body: { enabled: false, threshold: 2_500, pack_id: 'pack_10k' },
    });
    expect(response.status).toBe(200);
    const updated = response.body as Client;
    expect(updated.auto_reload).toEqual({
      enabled: false,
      threshold: 2_500,
      pack_id: 'pack_10k',
      monthly_limit: null,
    });
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(client.updated_at));
    expect(updated.balance).toEqual(client.balance);
  });
});

describe('hosted invoice pages', () => {
  it('serve a readable HTML invoice without auth, and 404 for unknown ids', async () => {
    const invoices = await getParsed(sandbox, `/v1/clients/${client.id}/invoices?limit=1`, InvoiceList);
    const invoice = invoices.data[0];
    if (!invoice) throw new Error('seeded client has no invoices');
    expect(invoice.hosted_url.startsWith(`${sandbox.url}/hosted/invoices/`)).toBe(true);
    const page = await fetch(invoice.hosted_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(invoice.number);
    expect(html).toContain(client.name);
    expect(html).toContain('Brightline Digital');
    expect(html).toMatch(/\$\d[\d,]*\.\d\d/);
    const missing = await fetch(`${sandbox.url}/hosted/invoices/in_doesnotexist`);
    expect(missing.status).toBe(404);
  });
});
