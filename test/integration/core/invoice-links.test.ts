/**
 * Server links are followed only to the billing API's origin and the invoice
 * origin it declares: a hosted invoice link anywhere else is withheld from the
 * Invoices tab, cannot be downloaded, and is not opened by the Electron shell.
 */
import { afterEach, expect, it } from 'vitest';
import { createExternalLinkRule } from '../../../electron/main/external-links';
import { startSandbox } from '../../../sandbox/server';
import type { InvoiceModel } from '../../../shared/ipc/ledger-models';
import { startAppRuntime } from '../../../electron/core/runtime/start-app-runtime';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { snapshotApi } from './support/api-snapshot';
import { silentLogger } from './support/core-harness';
import { call, waitForSync } from './support/runtime-helpers';
import { cleanupTempDirs, makeTempDir } from './support/temp-dirs';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  cleanupTempDirs();
});

it('withholds a hosted invoice link that leads off the billing service, and keeps the others', async () => {
  const sandbox = await startSandbox({ now: () => new Date('2026-06-15T12:00:00.000Z') });
  cleanups.push(() => sandbox.close());
  const snapshot = await snapshotApi(sandbox.url, sandbox.token);
  const [clientId, invoices] = Object.entries(snapshot.invoices).find(([, list]) => list.length >= 2) ?? [];
  if (!clientId || !invoices) throw new Error('The seeded sandbox has no client with two invoices.');
  const [lookalike, ...rest] = invoices;
  if (!lookalike) throw new Error('no invoice');
  const tampered = [{ ...lookalike, hosted_url: 'https://billing-example.evil.test/pay' }, ...rest];
  await fetch(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      answer_next: {
        route: 'listInvoices',
        client_id: clientId,
        count: 1,
        status: 200,
        body: { data: tampered, next_cursor: null },
        run: false,
      },
    }),
  });

  const runtime = await startAppRuntime({
    env: { BILLING_API_URL: sandbox.url, BILLING_API_TOKEN: sandbox.token, APP_DATA_DIR: makeTempDir() },
    defaultDataDir: makeTempDir(),
    version: '1.0.0',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
  });
  cleanups.push(() => runtime.stop());
  await waitForSync(runtime);

  const listed = await call<{ invoices: InvoiceModel[] }>(runtime, 'invoices.list', { clientId });
  const byId = new Map(listed.invoices.map((invoice) => [invoice.id, invoice.hostedUrl]));
  expect(byId.get(lookalike.id)).toBeNull();
  for (const invoice of rest) expect(byId.get(invoice.id)).toBe(invoice.hosted_url);
  const saved = await runtime.invoke('invoices.save', { invoiceId: lookalike.id });
  expect(saved).toMatchObject({ ok: false, error: { kind: 'validation' } });
  expect(saved.ok || saved.error.message).toMatch(/not at the billing service/);

  const openInBrowser = createExternalLinkRule({ linkOrigins: () => runtime.linkOrigins() });
  expect(openInBrowser('https://billing-example.evil.test/pay')).toBeNull();
  expect(openInBrowser(rest[0]?.hosted_url ?? '')).toBe(rest[0]?.hosted_url);
});
