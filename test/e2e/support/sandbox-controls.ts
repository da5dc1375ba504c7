/** Drives the embedded sandbox's test controls (/sandbox/*) with the printed Billing API url and token. */
import type { z } from 'zod';
import { Pack } from '../../../shared/api/billing-api';
import {
  ChargeList,
  ClockResponse,
  NewerServerResponse,
  Outbox,
  SavedCardResponse,
  UsageResponse,
} from '../../../sandbox/http/control-schemas';
import { FaultsState, type FaultsBody } from '../../../sandbox/http/faults';
import type { BillingApi } from './sandbox-api';

export type Charge = z.infer<typeof ChargeList>['data'][number];
export type Email = z.infer<typeof Outbox>['data'][number];

/** Stripe test cards the sandbox honours. */
export const TEST_CARDS = {
  visa: '4242424242424242',
  threeDSecure: '4000002760003184',
  genericDecline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expired: '4000000000000069',
} as const;

async function control<T extends z.ZodType>(
  api: BillingApi,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.output<T>> {
  const response = await fetch(new URL(path, api.url), {
    method,
    headers: {
      authorization: `Bearer ${api.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered HTTP ${response.status}: ${await response.text()}`);
  return schema.parse(await response.json());
}

/** Makes every later charge to the saved card behave like this test card. */
export function setSavedCard(api: BillingApi, number: string) {
  return control(api, 'PUT', '/sandbox/card', SavedCardResponse, { number });
}

/** Changes what a pack costs from now on, as a price change on the vendor's side would. */
export function setPackPrice(api: BillingApi, packId: string, amount: number) {
  return control(api, 'PUT', `/sandbox/packs/${encodeURIComponent(packId)}/price`, Pack, { amount });
}

export async function listCharges(api: BillingApi, clientId?: string): Promise<Charge[]> {
  const { data } = await control(api, 'GET', '/sandbox/charges', ChargeList);
  return clientId ? data.filter((charge) => charge.client_id === clientId) : data;
}

export async function listOutbox(api: BillingApi, clientId: string): Promise<Email[]> {
  const { data } = await control(api, 'GET', '/sandbox/outbox', Outbox);
  return data.filter((email) => email.client_id === clientId);
}

export function submitUsage(api: BillingApi, clientId: string, tokens: number, description: string) {
  return control(api, 'POST', '/sandbox/usage', UsageResponse, { client_id: clientId, tokens, description });
}

/** Moves the sandbox clock to a client's next renewal, resetting its cycle. */
export function advanceToRenewal(api: BillingApi, clientId: string) {
  return control(api, 'POST', '/sandbox/clock/advance', ClockResponse, {
    to: 'next_renewal',
    client_id: clientId,
  });
}

/** Switches the sandbox's faults (HTTP 500s, dropped responses, latency) on or off. */
export function setFaults(api: BillingApi, faults: FaultsBody) {
  return control(api, 'POST', '/sandbox/faults', FaultsState, faults);
}

export function getFaults(api: BillingApi) {
  return control(api, 'GET', '/sandbox/faults', FaultsState);
}

/** From now on the sandbox answers for this client as a newer Billing API would (see README's sandbox controls). */
export function serveAsNewerApi(api: BillingApi, clientId: string) {
  return control(api, 'POST', '/sandbox/newer-server', NewerServerResponse, { client_id: clientId });
}
