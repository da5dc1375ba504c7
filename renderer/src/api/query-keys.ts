import type { LedgerFilter } from '../../../shared/ipc/ledger-models';
import type { ClientListShow, ClientSortKey, SortDirection } from '../../../shared/ipc/models';

export interface ClientListOptions {
  search: string;
  sort: ClientSortKey;
  direction: SortDirection;
  show: ClientListShow;
}

/** One place for every React Query key, so event-driven invalidation cannot drift from the hooks. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  account: ['account'] as const,
  catalog: ['catalog'] as const,
  syncStatus: ['sync', 'status'] as const,
  notices: ['notices'] as const,
  clients: ['clients'] as const,
  clientLists: ['clients', 'list'] as const,
  clientList: (options: ClientListOptions) => ['clients', 'list', options] as const,
  clientDetails: ['clients', 'detail'] as const,
  clientDetail: (clientId: string) => ['clients', 'detail', clientId] as const,
  ledger: ['ledger'] as const,
  clientLedger: (clientId: string) => ['ledger', clientId] as const,
  ledgerPages: (clientId: string, filter: LedgerFilter) => ['ledger', clientId, 'pages', filter] as const,
  ledgerCount: (clientId: string, filter: LedgerFilter) => ['ledger', clientId, 'count', filter] as const,
  provenance: (clientId: string) => ['ledger', clientId, 'provenance'] as const,
  invoices: ['invoices'] as const,
  invoiceList: (clientId: string) => ['invoices', clientId] as const,
  insights: ['insights'] as const,
  clientInsights: (clientId: string) => ['insights', 'client', clientId] as const,
  clientHistory: (clientId: string, days: number) => ['insights', 'history', clientId, days] as const,
  dashboard: ['insights', 'dashboard'] as const,
  purchases: ['purchases'] as const,
  purchase: (purchaseId: string) => ['purchases', 'byId', purchaseId] as const,
  activePurchase: (clientId: string) => ['purchases', 'active', clientId] as const,
};
