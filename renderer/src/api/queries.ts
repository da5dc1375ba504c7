import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { newerSyncStatus, type SyncStatus } from '../../../shared/ipc/models';
import { api } from './bridge';
import { queryKeys, type ClientListOptions } from './query-keys';

export const appInfoQuery = queryOptions({
  queryKey: queryKeys.appInfo,
  queryFn: () => api.invoke('app.info', {}),
});

export function useAppInfo() {
  return useQuery(appInfoQuery);
}

export function useAccount() {
  return useQuery({ queryKey: queryKeys.account, queryFn: () => api.invoke('account.get', {}) });
}

/** The account as the billing API has it now (the card may have changed elsewhere): asked once per mount. */
export function useFreshAccount() {
  return useQuery({
    queryKey: queryKeys.account,
    queryFn: () => api.invoke('account.get', { refresh: true }),
    refetchOnMount: 'always',
  });
}

export function useCatalog() {
  return useQuery({ queryKey: queryKeys.catalog, queryFn: () => api.invoke('catalog.get', {}) });
}

/**
 * Clients a page at a time; more than the list draws without windowing, so a short list arrives whole in one
 * page and only long ones page in as the manager scrolls.
 */
export const CLIENT_PAGE_SIZE = 200;

export function clientListQuery(options: ClientListOptions) {
  return infiniteQueryOptions({
    queryKey: queryKeys.clientList(options),
    queryFn: ({ pageParam }) =>
      api.invoke('clients.list', { ...options, after: pageParam, limit: CLIENT_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useClients(options: ClientListOptions) {
  return useInfiniteQuery({
    ...clientListQuery(options),
    // Keeps the table steady while the next search result loads instead of flashing a skeleton per keystroke.
    placeholderData: keepPreviousData,
  });
}

export function clientQuery(clientId: string) {
  return queryOptions({
    queryKey: queryKeys.clientDetail(clientId),
    queryFn: () => api.invoke('clients.get', { clientId }),
  });
}

export function useClient(clientId: string) {
  return useQuery(clientQuery(clientId));
}

export function useClientInsights(clientId: string) {
  return useQuery({
    queryKey: queryKeys.clientInsights(clientId),
    queryFn: () => api.invoke('insights.client', { clientId }),
  });
}

export function useClientHistory(clientId: string, days: number) {
  return useQuery({
    queryKey: queryKeys.clientHistory(clientId, days),
    queryFn: () => api.invoke('insights.history', { clientId, days }),
    // Switching the period back shows the last answer at once while it is asked again.
    placeholderData: (previous) => previous,
  });
}

export const dashboardQuery = queryOptions({
  queryKey: queryKeys.dashboard,
  queryFn: () => api.invoke('dashboard.get', {}),
});

export function useDashboard() {
  return useQuery(dashboardQuery);
}

export function useSyncStatus() {
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: () => api.invoke('sync.status', {}),
    // Events may have delivered a later status while this reply was on its way.
    structuralSharing: (current, incoming) =>
      newerSyncStatus(current as SyncStatus | undefined, incoming as SyncStatus),
  });
}

export function useNotices() {
  return useQuery({ queryKey: queryKeys.notices, queryFn: () => api.invoke('notices.list', {}) });
}
