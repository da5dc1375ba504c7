/**
 * The Billing API v1 routes as data: path, method and schemas. The billing API
 * client, the sandbox's router and the OpenAPI document all read this table.
 */
import type { z } from 'zod';
import {
  AutoReloadUpdate,
  Client,
  ClientList,
  ClientListQuery,
  InvoiceList,
  InvoiceListQuery,
  LedgerPage,
  LedgerQuery,
  Me,
  PackList,
  PlanList,
} from './billing-api';
import {
  CheckoutSession,
  SetupSession,
  CreateTopUpBody,
  TopUp,
  TopUpList,
  TopUpLookupQuery,
  TopUpResult,
} from './payments-api';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** Express-style path with `:param` segments, relative to the API base URL. */
  path: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /**
   * Whether the route honours an `Idempotency-Key` header (Stripe semantics: the same key and body replay the
   * first result; the same key with another body is a 409). 'required' routes refuse requests without one.
   */
  idempotency?: 'required' | 'optional';
}

export const billingRoutes = {
  getMe: {
    method: 'GET',
    path: '/v1/me',
    summary: 'The signed-in agency, user and saved card',
    response: Me,
  },
  listClients: {
    method: 'GET',
    path: '/v1/clients',
    summary: 'Clients of the agency, optionally only those updated since a time',
    query: ClientListQuery,
    response: ClientList,
  },
  getClient: { method: 'GET', path: '/v1/clients/:id', summary: 'One client', response: Client },
  listPacks: { method: 'GET', path: '/v1/packs', summary: 'Manual top up packs', response: PackList },
  listPlans: {
    method: 'GET',
    path: '/v1/plans',
    summary: 'Plan tiers, for cost comparison',
    response: PlanList,
  },
  listLedger: {
    method: 'GET',
    path: '/v1/clients/:id/ledger',
    summary: "A client's credit-log entries after a sequence number, oldest first",
    query: LedgerQuery,
    response: LedgerPage,
  },
  listInvoices: {
    method: 'GET',
    path: '/v1/clients/:id/invoices',
    summary: "A client's invoices, newest first",
    query: InvoiceListQuery,
    response: InvoiceList,
  },
  updateAutoReload: {
    method: 'PUT',
    path: '/v1/clients/:id/auto-reload',
    summary: "Change a client's auto reload settings",
    body: AutoReloadUpdate,
    response: Client,
  },
  createTopUp: {
    method: 'POST',
    path: '/v1/clients/:id/top-ups',
    summary: "Buy a token pack for a client, charged off-session to the agency's saved card",
    body: CreateTopUpBody,
    response: TopUpResult,
    idempotency: 'required',
  },
  findTopUps: {
    method: 'GET',
    path: '/v1/top-ups',
    summary:
      'Top-ups created by a request with this Idempotency-Key, newest first (empty: none was ever created). ' +
      'Works after the key has expired for replays, so an app can settle an old unanswered purchase',
    query: TopUpLookupQuery,
    response: TopUpList,
  },
  getTopUp: {
    method: 'GET',
    path: '/v1/top-ups/:id',
    summary: 'One top-up and its payment status',
    response: TopUp,
  },
  createCheckoutSession: {
    method: 'POST',
    path: '/v1/top-ups/:id/checkout-session',
    summary:
      'Open an Embedded Checkout session to pay a declined top-up with a new card (it becomes the saved card)',
    response: CheckoutSession,
    idempotency: 'optional',
  },
  createSetupSession: {
    method: 'POST',
    path: '/v1/checkout/setup-sessions',
    summary: 'Open an Embedded Checkout session that saves a new card for the agency, without charging it',
    response: SetupSession,
    idempotency: 'optional',
  },
  cancelTopUp: {
    method: 'POST',
    path: '/v1/top-ups/:id/cancel',
    summary:
      'Cancel a top-up that still waits for authentication or a payment method: nothing is charged. ' +
      'Canceling a canceled top-up answers it again; a succeeded one is a 409',
    response: TopUp,
    idempotency: 'optional',
  },
} as const satisfies Record<string, RouteSpec>;

export type BillingRouteName = keyof typeof billingRoutes;
