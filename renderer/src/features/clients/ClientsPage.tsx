import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useClients } from '../../api/queries';
import { queryKeys } from '../../api/query-keys';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useUiStore } from '../../state/ui-store';
import { CLIENT_SEARCH_ID, ClientSearch } from './ClientSearch';
import { TableLoading } from '../../components/TableLoading';
import { ClientsTable } from './ClientsTable';
import { NoBlockedClients, NoClientsYet, NoMatchingClients } from './ClientsEmpty';
import { describeClientCount } from './client-count';

const SEARCH_DEBOUNCE_MS = 80;

export function ClientsPage() {
  const search = useUiStore((state) => state.clientSearch);
  const sort = useUiStore((state) => state.clientSort);
  const direction = useUiStore((state) => state.clientDirection);
  const show = useUiStore((state) => state.clientShow);
  const setShow = useUiStore((state) => state.setClientShow);
  const setSearch = useUiStore((state) => state.setClientSearch);
  const toggleSort = useUiStore((state) => state.toggleClientSort);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const clients = useClients({ search: debouncedSearch, sort, direction, show });
  const queryClient = useQueryClient();
  const pages = clients.data?.pages;
  const items = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  const firstPage = pages?.[0];

  function clearSearch() {
    setSearch('');
    document.getElementById(CLIENT_SEARCH_ID)?.focus();
  }

  function renderBody() {
    if (clients.isPending)
      return <TableLoading label="Loading clients…" columns={['wide', 'plain', 'end', 'plain']} />;
    if (clients.isError) {
      return (
        <ErrorPanel
          title="Couldn't load clients"
          error={clients.error}
          onRetry={() => void queryClient.resetQueries({ queryKey: queryKeys.clientLists })}
        />
      );
    }
    if (items.length === 0 && !clients.isPlaceholderData) {
      if (show === 'blocked')
        return <NoBlockedClients search={debouncedSearch} onShowAll={() => setShow('all')} />;
      return debouncedSearch ? (
        <NoMatchingClients search={debouncedSearch} onClear={clearSearch} />
      ) : (
        <NoClientsYet />
      );
    }
    return (
      <div className="table-card">
        <ClientsTable
          clients={items}
          matching={firstPage?.matching ?? items.length}
          hasMore={clients.hasNextPage}
          loadMore={() => {
            if (!clients.isFetchingNextPage) void clients.fetchNextPage();
          }}
          sort={sort}
          direction={direction}
          onSort={toggleSort}
          busy={clients.isFetching}
        />
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Clients</h1>
          <p className="page-header__subtitle muted">
            Token balances and renewals for every client you manage.
          </p>
        </div>
      </header>
      <div className="toolbar">
        <div className="toolbar__group">
          <ClientSearch />
          <button
            type="button"
            className="button button--secondary toggle-button"
            aria-pressed={show === 'blocked'}
            onClick={() => setShow(show === 'blocked' ? 'all' : 'blocked')}
          >
            Blocked only
          </button>
        </div>
        {firstPage && (
          <p className="toolbar__count muted num">
            {describeClientCount(firstPage.matching, firstPage.total)}
          </p>
        )}
      </div>
      {renderBody()}
    </div>
  );
}
