import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { api } from './bridge';
import { queryKeys } from './query-keys';

type CacheChange = EventPayload<'cache.changed'>;

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
      case 'invoices':
        // Their views arrive in later releases; the client detail shows balances they affect.
        keys.push(queryKeys.clientDetails);
        break;
    }
  }
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
      api.on('sync.status', (status) => queryClient.setQueryData(queryKeys.syncStatus, status)),
      api.on('notices.changed', (notices) => queryClient.setQueryData(queryKeys.notices, notices)),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [queryClient]);
}
