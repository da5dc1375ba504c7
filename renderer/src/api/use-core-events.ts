import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { api } from './bridge';
import { rememberPurchase } from './purchases';
import { queryKeys } from './query-keys';
import { rememberSyncStatus } from './sync-status';

type CacheChange = EventPayload<'cache.changed'>;

/** The per-client keys when the change names its clients, else the key covering every client. */
function forClients(
  change: CacheChange,
  perClient: (clientId: string) => readonly unknown[],
  all: readonly unknown[],
): ReadonlyArray<readonly unknown[]> {
  return change.clientIds ? change.clientIds.map(perClient) : [all];
}

function keysToInvalidate(change: CacheChange): ReadonlyArray<readonly unknown[]> {
  const keys: Array<readonly unknown[]> = [];
  for (const scope of change.scopes) {
    switch (scope) {
      case 'account':
        keys.push(queryKeys.account, queryKeys.appInfo);
        break;
      case 'catalog':
        keys.push(queryKeys.catalog);
        break;
      case 'clients':
        keys.push(queryKeys.clientLists);
        if (change.clientIds) keys.push(...change.clientIds.map(queryKeys.clientDetail));
        else keys.push(queryKeys.clientDetails);
        break;
      case 'ledger':
        keys.push(...forClients(change, queryKeys.clientLedger, queryKeys.ledger));
        keys.push(...forClients(change, queryKeys.clientDetail, queryKeys.clientDetails));
        break;
      case 'invoices':
        // Credit-log references and provenance show invoice numbers, so they refresh with the invoices.
        keys.push(...forClients(change, queryKeys.invoiceList, queryKeys.invoices));
        keys.push(...forClients(change, queryKeys.clientLedger, queryKeys.ledger));
        break;
    }
  }
  // Forecasts, advice and the dashboard are worked out from all of the above.
  if (change.scopes.length > 0) keys.push(queryKeys.insights);
  return keys;
}

/** Keeps React Query in step with what the core pushes. Mounted once, for the lifetime of the app. */
export function useCoreEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribers = [
      api.on('cache.changed', (change) => {
        for (const queryKey of keysToInvalidate(change)) void queryClient.invalidateQueries({ queryKey });
      }),
      api.on('sync.status', (status) => rememberSyncStatus(queryClient, status)),
      api.on('notices.changed', (notices) => queryClient.setQueryData(queryKeys.notices, notices)),
      api.on('purchases.changed', (purchase) => {
        rememberPurchase(queryClient, purchase);
        void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [queryClient]);
}
