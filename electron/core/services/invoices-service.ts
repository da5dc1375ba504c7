import type { Invoice } from '../../../shared/api/billing-api';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { InvoiceModel } from '../../../shared/ipc/ledger-models';
import { fetchHostedDocument } from '../billing-api/hosted-document';
import type { ServiceContext } from './service-context';

export function toInvoiceModel(invoice: Invoice): InvoiceModel {
  return {
    id: invoice.id,
    number: invoice.number,
    createdAt: invoice.created_at,
    description: invoice.description,
    amount: invoice.amount,
    status: invoice.status,
    hostedUrl: invoice.hosted_url,
    topUpId: invoice.top_up_id,
  };
}

function invoiceFileName(number: string): string {
  return `invoice-${number.replace(/[^A-Za-z0-9._-]+/g, '-')}.html`;
}

export function invoicesHandlers(ctx: ServiceContext): Pick<Handlers, 'invoices.list' | 'invoices.save'> {
  return {
    'invoices.list': async ({ clientId }) => ({
      invoices: ctx.repos.invoices.listForClient(clientId).map(toInvoiceModel),
    }),
    /** The hosted page is fetched first, so an unreachable billing service fails before any dialog opens. */
    'invoices.save': async ({ invoiceId }) => {
      const invoice = ctx.repos.invoices.get(invoiceId);
      if (!invoice) throw new AppError('not_found', 'That invoice is not in the local cache.');
      const apiUrl = ctx.session.current()?.apiUrl;
      if (!apiUrl) throw new AppError('unauthorized', 'Sign in to the billing service to download invoices.');
      const html = await fetchHostedDocument(invoice.hosted_url, {
        allowedOrigins: [new URL(apiUrl).origin],
      });
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
