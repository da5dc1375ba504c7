import type { Handlers } from '../../../shared/ipc/contract';
import { writeCreditLogCsv } from '../ledger/credit-log-csv';
import { toLedgerEntryModel } from '../ledger/ledger-entry-model';
import { provenanceFor } from '../ledger/provenance';
import type { ServiceContext } from './service-context';

type LedgerChannels = 'ledger.page' | 'ledger.count' | 'ledger.export' | 'ledger.provenance';

/** A file name that is safe on every platform and says whose log it is. */
export function exportFileName(clientName: string, today: Date): string {
  const slug = clientName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `credit-log-${slug || 'client'}-${today.toISOString().slice(0, 10)}.csv`;
}

export function ledgerHandlers(ctx: ServiceContext): Pick<Handlers, LedgerChannels> {
  return {
    'ledger.page': async ({ clientId, filter, before, limit }) => {
      const rows = ctx.repos.creditLog.page(clientId, filter, before, limit);
      const last = rows.at(-1);
      return {
        entries: rows.map(toLedgerEntryModel),
        nextBefore: last && rows.length === limit && last.seq > 1 ? last.seq : null,
      };
    },
    'ledger.count': async ({ clientId, filter }) => ctx.repos.creditLog.count(clientId, filter),
    'ledger.export': async ({ clientId, filter }) => {
      const client = ctx.repos.clients.get(clientId);
      return ctx.files.saveFile({
        suggestedName: exportFileName(client?.name ?? clientId, new Date()),
        contentType: 'text/csv; charset=utf-8',
        write: (sink) => writeCreditLogCsv(ctx.repos.creditLog, clientId, filter, sink),
      });
    },
    'ledger.provenance': async ({ clientId }) => provenanceFor(ctx.repos, clientId),
  };
}
