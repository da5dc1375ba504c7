import type { Invoice } from '../../../shared/api/billing-api';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { InvoiceModel } from '../../../shared/ipc/ledger-models';
import { allowedServerLink } from '../../../shared/security/server-links';
import { fetchHostedDocument } from '../billing-api/hosted-document';
import { currentLinkOrigins } from './link-origins';
import type { ServiceContext } from './service-context';

/** A hosted link that leads anywhere but the billing service's origins is withheld (null), not shown. */
export function toInvoiceModel(invoice: Invoice, linkOrigins: readonly string[]): InvoiceModel {
  return {
    id: invoice.id,
    number: invoice.number,
    createdAt: invoice.created_at,
    description: invoice.description,
    amount: invoice.amount,
    status: invoice.status,
    hostedUrl: allowedServerLink(invoice.hosted_url, linkOrigins)?.href ?? null,
    topUpId: invoice.top_up_id,
  };
}

function invoiceFileName(number: string): string {
  return `invoice-${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.html`;
}

export function invoicesHandlers(ctx: ServiceContext): Pick<Handlers, 'invoices.list' | 'invoices.save'> {
  return {
    'invoices.list': async ({ clientId }) => {
      const origins = currentLinkOrigins(ctx);
      return { invoices: ctx.repos.invoices.listForClient(clientId).map((i) => toInvoiceModel(i, origins)) };
    },
    /** The hosted page is fetched first, so an unreachable billing service fails before any dialog opens. */
    'invoices.save': async ({ invoiceId }) => {
      const invoice = ctx.repos.invoices.get(invoiceId);
      if (!invoice) throw new AppError('not_found', 'That invoice is not in the local cache.');
      const allowedOrigins = currentLinkOrigins(ctx);
      if (allowedOrigins.length === 0)
        throw new AppError('unauthorized', 'Sign in to the billing service to download invoices.');
      const html = await fetchHostedDocument(invoice.hosted_url, { allowedOrigins });
      return ctx.files.saveFile({
        suggestedName: invoiceFileName(invoice.number),
        contentType: 'text/html; charset=utf-8',
        write: async (sink) => {
          await sink.write(html);
          return null;
        },
      });
    },
  };
}
