/**
 * The sandbox's side of the books for one client, read over HTTP: succeeded
 * charges, top-up credits in its ledger, invoices and billing emails. No test
 * runner here: the soak run uses it outside vitest.
 */
import { z } from 'zod';
import { Client, InvoiceList, LedgerPage } from '../../../../shared/api/billing-api';
import type { SandboxHandle } from '../../../../sandbox/server';
import { ChargeList, Outbox } from '../../../../sandbox/http/control-schemas';

export async function sandboxCall<T extends z.ZodType = z.ZodUnknown>(
  sandbox: Pick<SandboxHandle, 'url' | 'token'>,
  method: string,
  path: string,
  body?: unknown,
  schema?: T,
): Promise<z.output<T>> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sandbox.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  const json: unknown = JSON.parse(text);
  return (schema ?? z.unknown()).parse(json) as z.output<T>;
}

/** Sets the agency's saved card to a Stripe test card number. */
export function setSavedCard(sandbox: SandboxHandle, number: string): Promise<unknown> {
  return sandboxCall(sandbox, 'PUT', '/sandbox/card', { number });
}

export function setFaults(sandbox: SandboxHandle, faults: Record<string, unknown>): Promise<unknown> {
  return sandboxCall(sandbox, 'POST', '/sandbox/faults', faults);
}

/** Calls a Stripe.js stand-in endpoint the way its pages do (the client secret is the only credential). */
export async function standIn(sandbox: SandboxHandle, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/stripe/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as unknown;
}

export interface ClientBooks {
  balance: Client['balance'];
  chargedTopUps: string[];
  failedCharges: number;
  creditedTopUps: string[];
  invoicedTopUps: string[];
  emailedTopUps: string[];
}

async function allLedger(sandbox: SandboxHandle, clientId: string) {
  const entries: z.output<typeof LedgerPage>['data'] = [];
  for (let after = 0; ;) {
    const page = await sandboxCall(
      sandbox,
      'GET',
      `/v1/clients/${clientId}/ledger?after_seq=${after}&limit=1000`,
      undefined,
      LedgerPage,
    );
    entries.push(...page.data);
    const last = page.data.at(-1);
    if (!last || page.next_cursor === null) return entries;
    after = last.seq;
  }
}

/** Only top-ups created in this test count: seeded history has no charges behind it. */
export async function clientBooks(sandbox: SandboxHandle, clientId: string): Promise<ClientBooks> {
  const charges = (await sandboxCall(sandbox, 'GET', '/sandbox/charges', undefined, ChargeList)).data.filter(
    (charge) => charge.client_id === clientId,
  );
  const charged = new Set(charges.map((charge) => charge.top_up_id));
  const onlyCharged = (ids: (string | null)[]) =>
    ids.filter((id): id is string => id !== null && charged.has(id)).sort();
  const ledger = await allLedger(sandbox, clientId);
  const invoices = await sandboxCall(
    sandbox,
    'GET',
    `/v1/clients/${clientId}/invoices?limit=500`,
    undefined,
    InvoiceList,
  );
  const outbox = await sandboxCall(sandbox, 'GET', '/sandbox/outbox', undefined, Outbox);
  const client = await sandboxCall(sandbox, 'GET', `/v1/clients/${clientId}`, undefined, Client);
  return {
    balance: client.balance,
    chargedTopUps: charges
      .filter((c) => c.status === 'succeeded')
      .map((c) => c.top_up_id)
      .sort(),
    failedCharges: charges.filter((c) => c.status === 'failed').length,
    creditedTopUps: onlyCharged(ledger.filter((e) => e.type === 'top_up').map((e) => e.top_up_id)),
    invoicedTopUps: onlyCharged(invoices.data.map((invoice) => invoice.top_up_id)),
    emailedTopUps: onlyCharged(
      outbox.data.filter((email) => email.client_id === clientId).map((e) => e.top_up_id),
    ),
  };
}
