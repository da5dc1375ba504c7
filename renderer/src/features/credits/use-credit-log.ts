import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LedgerFilter } from '../../../../shared/ipc/ledger-models';
import { api } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { CreditLogFilterDraft } from './credit-log-filter-store';

export const LEDGER_PAGE_SIZE = 200;
const SEARCH_DEBOUNCE_MS = 200;

/** The filter the core sees: typing settles before it changes, so each keystroke is not a query. */
export function useLedgerFilter(draft: CreditLogFilterDraft): LedgerFilter {
  const search = useDebouncedValue(draft.search.trim(), SEARCH_DEBOUNCE_MS);
  return useMemo(
    () => ({ types: draft.types, from: draft.from || null, to: draft.to || null, search }),
    [draft.types, draft.from, draft.to, search],
  );
}

export function isFiltered(filter: LedgerFilter): boolean {
  return filter.types.length > 0 || filter.from !== null || filter.to !== null || filter.search !== '';
}

/** What the credit log asks for before anything is filtered (the filter a cold start opens with). */
export const UNFILTERED_LEDGER: LedgerFilter = { types: [], from: null, to: null, search: '' };

export function ledgerPagesQuery(clientId: string, filter: LedgerFilter) {
  return infiniteQueryOptions({
    queryKey: queryKeys.ledgerPages(clientId, filter),
    queryFn: ({ pageParam }) =>
      api.invoke('ledger.page', { clientId, filter, before: pageParam, limit: LEDGER_PAGE_SIZE }),
    initialPageParam: null as number | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
  });
}

/** Newest first, one keyset page at a time; the table asks for the next page as it nears the end. */
export function useLedgerPages(clientId: string, filter: LedgerFilter) {
  const query = useInfiniteQuery({
    ...ledgerPagesQuery(clientId, filter),
    placeholderData: keepPreviousData,
  });
  const entries = useMemo(() => query.data?.pages.flatMap((page) => page.entries) ?? [], [query.data]);
  return { ...query, entries };
}

/**
 * Counting a million entries takes tens of milliseconds on the core's single
 * thread, so it waits until the rows for the same filter are in: the first
 * rows paint without queueing behind it.
 */
export function useLedgerCount(clientId: string, filter: LedgerFilter, rowsLoaded: boolean) {
  return useQuery({
    queryKey: queryKeys.ledgerCount(clientId, filter),
    queryFn: () => api.invoke('ledger.count', { clientId, filter }),
    placeholderData: keepPreviousData,
    enabled: rowsLoaded,
  });
}
