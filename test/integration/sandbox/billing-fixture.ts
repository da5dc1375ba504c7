/** Helpers for the payment tests: top-ups, the saved card, and the one-to-one check of the money trail. */
import { expect } from 'vitest';
import {
  Client,
  InvoiceList,
  LedgerPage,
  type Invoice,
  type LedgerEntry,
} from '../../../shared/api/billing-api';
import { TopUpList, TopUpResult, type TopUp } from '../../../shared/api/payments-api';
import type { Money } from '../../../shared/api/primitives';
import { ChargeList, Outbox } from '../../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../../sandbox/server';
import { call, FIXED_NOW, getParsed, type ApiResponse } from './sandbox-fixture';

let keyCounter = 0;
export function newKey(): string {
  keyCounter += 1;
  return `test-key-${process.pid}-${Date.now()}-${keyCounter}`;
}

/** `amount` is the price the manager confirmed; without it the pack's current price is charged. */
export function postTopUp(
  sandbox: SandboxHandle,
  clientId: string,
  packId: string,
  key: string = newKey(),
  amount?: Money,
): Promise<ApiResponse> {
  return call(sandbox, 'POST', `/v1/clients/${clientId}/top-ups`, {
    body: { pack_id: packId, amount },
    headers: { 'Idempotency-Key': key },
  });
}

export async function topUp(
  sandbox: SandboxHandle,
  clientId: string,
  packId: string,
  key?: string,
  amount?: Money,
) {
  const response = await postTopUp(sandbox, clientId, packId, key, amount);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return TopUpResult.parse(response.body);
}

/** GET /v1/top-ups?idempotency_key=… */
export async function topUpsByKey(sandbox: SandboxHandle, key: string): Promise<TopUp[]> {
  const query = new URLSearchParams({ idempotency_key: key });
  return (await getParsed(sandbox, `/v1/top-ups?${query.toString()}`, TopUpList)).data;
}

export async function chargesOf(sandbox: SandboxHandle, clientId: string) {
  const charges = ChargeList.parse((await call(sandbox, 'GET', '/sandbox/charges')).body).data;
  return charges.filter((charge) => charge.client_id === clientId);
}

export async function setSavedCard(sandbox: SandboxHandle, number: string): Promise<void> {
  const response = await call(sandbox, 'PUT', '/sandbox/card', { body: { number } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

export async function postJson(sandbox: SandboxHandle, path: string, body: unknown): Promise<ApiResponse> {
  const response = await call(sandbox, 'POST', path, { body });
  expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
  return response;
}

export function getClient(sandbox: SandboxHandle, id: string): Promise<Client> {
  return getParsed(sandbox, `/v1/clients/${id}`, Client);
}

export async function clientIds(sandbox: SandboxHandle): Promise<string[]> {
  const response = await call(sandbox, 'GET', '/v1/clients?limit=100');
  return (response.body as { data: { id: string }[] }).data.map((client) => client.id);
}

export async function fullLedger(sandbox: SandboxHandle, clientId: string): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  for (;;) {
    const after = entries.at(-1)?.seq ?? 0;
    const page = await getParsed(
      sandbox,
      `/v1/clients/${clientId}/ledger?after_seq=${after}&limit=1000`,
      LedgerPage,
    );
    entries.push(...page.data);
    if (page.next_cursor === null) return entries;
  }
}

async function allInvoices(sandbox: SandboxHandle, clientId: string): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await getParsed(sandbox, `/v1/clients/${clientId}/invoices?limit=500${query}`, InvoiceList);
    invoices.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return invoices;
}

/**
 * Proves the money trail matches one to one since the sandbox started: every succeeded charge has exactly one
 * credit, one invoice and one email for its top-up, and nothing was credited, invoiced or mailed without one.
 */
export async function expectBooksBalanced(sandbox: SandboxHandle): Promise<number> {
  const charges = ChargeList.parse((await call(sandbox, 'GET', '/sandbox/charges')).body).data;
  const emails = Outbox.parse((await call(sandbox, 'GET', '/sandbox/outbox')).body).data;
  const captured = charges
    .filter((charge) => charge.status === 'succeeded')
    .map((charge) => charge.top_up_id);
  expect(new Set(captured).size, 'one capture per top-up').toBe(captured.length);
  const credits: LedgerEntry[] = [];
  const invoices: Invoice[] = [];
  for (const clientId of await clientIds(sandbox)) {
    const ledger = await fullLedger(sandbox, clientId);
    credits.push(
      ...ledger.filter(
        (entry) =>
          (entry.type === 'top_up' || entry.type === 'auto_reload') && entry.at >= FIXED_NOW.toISOString(),
      ),
    );
    const newTopUps = new Set(credits.map((entry) => entry.top_up_id));
    invoices.push(
      ...(await allInvoices(sandbox, clientId)).filter((invoice) => newTopUps.has(invoice.top_up_id)),
    );
  }
  const sorted = (ids: (string | null)[]) => [...ids].sort();
  expect(sorted(credits.map((entry) => entry.top_up_id)), 'credits = charges').toEqual(sorted(captured));
  expect(sorted(invoices.map((invoice) => invoice.top_up_id)), 'invoices = charges').toEqual(
    sorted(captured),
  );
  expect(sorted(emails.map((email) => email.top_up_id)), 'emails = charges').toEqual(sorted(captured));
  for (const email of emails) {
    const invoice = invoices.find((candidate) => candidate.id === email.invoice_id);
    expect(invoice?.number).toBe(email.invoice_number);
    expect(credits.find((entry) => entry.top_up_id === email.top_up_id)?.invoice_id).toBe(email.invoice_id);
  }
  return captured.length;
}
