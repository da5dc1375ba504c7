import { formatInteger } from '../../../../shared/domain/format';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useCreditLogFilterDraft, useCreditLogFilterStore } from './credit-log-filter-store';
import { CREDIT_LOG_SEARCH_ID, CreditLogFilters } from './CreditLogFilters';
import { TableLoading } from '../../components/TableLoading';
import { NoEntriesYet, NoMatchingEntries } from './CreditLogStates';
import { CreditLogTable } from './CreditLogTable';
import { ExportCsvButton } from './ExportCsvButton';
import { isFiltered, useLedgerCount, useLedgerFilter, useLedgerPages } from './use-credit-log';

const HEADING_ID = 'credit-log-heading';

/** "1,234 of 1,000,000 entries" while filtered, "1,000,000 entries" otherwise. */
function describeEntryCount(matching: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? 'entry' : 'entries';
  if (!filtered) return `${formatInteger(total)} ${noun}`;
  return `${formatInteger(matching)} of ${formatInteger(total)} ${noun}`;
}

export function CreditLog({ clientId }: { clientId: string }) {
  const draft = useCreditLogFilterDraft(clientId);
  const clear = useCreditLogFilterStore((state) => state.clear);
  const filter = useLedgerFilter(draft);
  const pages = useLedgerPages(clientId, filter);
  const count = useLedgerCount(clientId, filter, pages.isSuccess && !pages.isPlaceholderData);
  const filtered = isFiltered(filter);

  function clearFilters() {
    clear(clientId);
    document.getElementById(CREDIT_LOG_SEARCH_ID)?.focus();
  }

  function renderBody() {
    if (pages.isPending)
      return <TableLoading label="Loading credit log…" columns={['plain', 'wide', 'end', 'plain']} />;
    if (pages.isError) {
      return (
        <ErrorPanel
          title="Couldn't load the credit log"
          error={pages.error}
          onRetry={() => void pages.refetch()}
        />
      );
    }
    if (pages.entries.length === 0 && !pages.isPlaceholderData) {
      return filtered ? <NoMatchingEntries onClear={clearFilters} /> : <NoEntriesYet />;
    }
    return (
      <div className="table-card">
        <CreditLogTable
          key={JSON.stringify(filter)}
          clientId={clientId}
          labelledBy={HEADING_ID}
          entries={pages.entries}
          matching={count.data?.matching ?? pages.entries.length}
          hasNextPage={pages.hasNextPage}
          isFetchingNextPage={pages.isFetchingNextPage}
          fetchNextPage={() => void pages.fetchNextPage({ cancelRefetch: false })}
          busy={pages.isFetching && !pages.isFetchingNextPage}
        />
      </div>
    );
  }

  return (
    <section className="credit-log" aria-labelledby={HEADING_ID}>
      <div className="section-header">
        <h2 id={HEADING_ID}>Credit log</h2>
        <ExportCsvButton clientId={clientId} filter={filter} />
      </div>
      <CreditLogFilters clientId={clientId} />
      <p className="credit-log__count muted num">
        {count.data ? describeEntryCount(count.data.matching, count.data.total, filtered) : '\u00a0'}
      </p>
      {renderBody()}
    </section>
  );
}
