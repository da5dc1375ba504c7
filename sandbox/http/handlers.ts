/** What each Billing API v1 route does, over the sandbox's repositories. */
import { z } from 'zod';
import type { Invoice } from '../../shared/api/billing-api';
import type { Billing } from '../billing/create-billing';
import type { Repositories } from '../store/repositories';
import type { InvoiceRecord } from '../store/invoice-repository';
import { toWireTopUp } from '../store/top-up-repository';
import { invalidRequest, notFound } from './api-error';
import { decodeCursor, encodeCursor } from './cursor';
import type { RouteHandlers } from './router';

export const DEFAULT_CLIENT_PAGE = 100;
export const DEFAULT_LEDGER_PAGE = 500;
export const DEFAULT_INVOICE_PAGE = 50;

const ClientCursor = z.object({ after_id: z.string().min(1) });
const InvoiceCursor = z.object({ created_at: z.string().min(1), id: z.string().min(1) });

export interface HandlerContext {
  repositories: Repositories;
  billing: Billing;
  /** Where the sandbox listens; hosted invoice links point back to it. */
  baseUrl: () => string;
}

export function hostedInvoicePath(invoiceId: string): string {
  return `/hosted/invoices/${encodeURIComponent(invoiceId)}`;
}

/** Rows fetched with limit + 1: the extra row only says another page follows. */
function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string) {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, next_cursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}

export function createHandlers(context: HandlerContext): RouteHandlers {
  const { repositories: repos, billing } = context;
  const requireClient = billing.books.requireClient;
  const agencyId = () => repos.agency.get().agency.id;

  const withHostedUrl = (invoice: InvoiceRecord): Invoice => ({
    ...invoice,
    hosted_url: `${context.baseUrl()}${hostedInvoicePath(invoice.id)}`,
  });

  return {
    // Its hosted invoices are served from its own origin; declared all the same, as a vendor would.
    getMe: () => ({ ...repos.agency.get(), hosted_invoice_origin: context.baseUrl() }),

    listClients: ({ query }) => {
      const limit = query.limit ?? DEFAULT_CLIENT_PAGE;
      const afterId = query.cursor ? decodeCursor(query.cursor, ClientCursor).after_id : null;
      const updatedSince = query.updated_since ? new Date(query.updated_since).toISOString() : null;
      const rows = repos.clients.page({ updatedSince, afterId, limit: limit + 1 });
      return pageOf(rows, limit, (last) => encodeCursor({ after_id: last.id }));
    },

    getClient: ({ params }) => requireClient(params.id),

    listPacks: () => ({ data: repos.catalog.listPacks(), next_cursor: null }),

    listPlans: () => ({ data: repos.catalog.listPlans(), next_cursor: null }),

    listLedger: ({ params, query }) => {
      const client = requireClient(params.id);
      const limit = query.limit ?? DEFAULT_LEDGER_PAGE;
      const rows = repos.ledger.page(client.id, query.after_seq ?? 0, limit + 1);
      return pageOf(rows, limit, (last) => String(last.seq));
    },

    listInvoices: ({ params, query }) => {
      const client = requireClient(params.id);
      const limit = query.limit ?? DEFAULT_INVOICE_PAGE;
      const after = query.cursor ? decodeCursor(query.cursor, InvoiceCursor) : null;
      const rows = repos.invoices.page(
        client.id,
        after && { createdAt: after.created_at, id: after.id },
        limit + 1,
      );
      const page = pageOf(rows, limit, (last) => encodeCursor({ created_at: last.created_at, id: last.id }));
      return { data: page.data.map(withHostedUrl), next_cursor: page.next_cursor };
    },

    updateAutoReload: ({ params, body }) => {
      const client = requireClient(params.id);
      if (body.pack_id !== null && !repos.catalog.getPack(body.pack_id)) {
        throw invalidRequest(`pack_id: no pack with id "${body.pack_id}"`, 'unknown_pack');
      }
      if (body.enabled && body.pack_id === null) {
        throw invalidRequest('pack_id: auto reload needs a pack to buy when it is enabled', 'pack_required');
      }
      repos.clients.setAutoReload(client.id, body, client.updated_at);
      billing.books.touch(client.id);
      return requireClient(client.id);
    },

    createTopUp: ({ params, body, idempotencyKey }) => {
      const client = requireClient(params.id);
      const { topUp, ledgerEntry } = billing.topUps.create(
        client.id,
        body.pack_id,
        'top_up',
        body.amount ?? null,
      );
      if (idempotencyKey !== null) {
        repos.topUps.recordIdempotencyKey(agencyId(), idempotencyKey, topUp.id, topUp.created_at);
      }
      return {
        top_up: toWireTopUp(topUp),
        balance: requireClient(client.id).balance,
        ledger_entry: ledgerEntry,
      };
    },

    findTopUps: ({ query }) => ({
      data: repos.topUps.listByIdempotencyKey(agencyId(), query.idempotency_key).map(toWireTopUp),
      next_cursor: null,
    }),

    getTopUp: ({ params }) => {
      const topUp = repos.topUps.get(params.id ?? '');
      if (!topUp) throw notFound(`No top-up with id "${params.id ?? ''}"`);
      return toWireTopUp(topUp);
    },

    createCheckoutSession: ({ params }) => billing.checkout.create(params.id ?? ''),

    createSetupSession: () => billing.setup.create(),

    cancelTopUp: ({ params }) => toWireTopUp(billing.topUps.cancel(params.id ?? '')),
  };
}
