import { formatInteger } from '../../../../shared/domain/format';
import type { EntryRawId } from '../../../../shared/ipc/credit-log-columns';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useCreditLogFilterDraft, useCreditLogFilterStore } from './credit-log-filter-store';
import { CREDIT_LOG_SEARCH_ID, CreditLogFilters } from './CreditLogFilters';
import { TableLoading } from '../../components/TableLoading';
import { NoEntriesYet, NoMatchingEntries } from './CreditLogStates';
import { CreditLogTable } from './CreditLogTable';
import { ExportCsvButton } from './ExportCsvButton';
import { useClipboardCopy, type CopyAttempt } from '../../hooks/use-clipboard-copy';
import { isFiltered, useLedgerCount, useLedgerFilter, useLedgerPages } from './use-credit-log';

const HEADING_ID = 'credit-log-heading';

/** "1,234 of 1,000,000 entries" while filtered, "1,000,000 entries" otherwise. */
function describeEntryCount(matching: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? 'entry' : 'entries';
  if (!filtered) return `${formatInteger(total)} ${noun}`;
  return `${formatInteger(matching)} of ${formatInteger(total)} ${noun}`;
}

function rawIdText(id: EntryRawId): string {
  return id.value;
}

/** Says the copy worked, or shows the id to select by hand when the clipboard refused. */
function CopyFeedback({ attempt }: { attempt: CopyAttempt<EntryRawId> | null }) {
  if (!attempt) return null;
  const { kind, value } = attempt.item;
  if (attempt.copied) return <>Copied the {kind} ID</>;
  return (
    <>
      Couldn't copy. Select the {kind} ID: <code className="copy-fallback">{value}</code>
    </>
  );
}

export function CreditLog({ clientId }: { clientId: string }) {
  const draft = useCreditLogFilterDraft(clientId);
  const clear = useCreditLogFilterStore((state) => state.clear);
  const filter = useLedgerFilter(draft);
  const pages = useLedgerPages(clientId, filter);
  const count = useLedgerCount(clientId, filter, pages.isSuccess && !pages.isPlaceholderData);
  const filtered = isFiltered(filter);
  const clipboard = useClipboardCopy(rawIdText);
  const copy = {
    copiedValue: clipboard.attempt?.copied ? clipboard.attempt.item.value : null,
    onCopy: (id: EntryRawId) => void clipboard.copy(id),
  };

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
          copy={copy}
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
      <div className="credit-log__status">
        <p className="credit-log__count muted num">
          {count.data ? describeEntryCount(count.data.matching, count.data.total, filtered) : '\u00a0'}
        </p>
        <p className="credit-log__copied" role="status">
          <CopyFeedback attempt={clipboard.attempt} />
        </p>
      </div>
      {renderBody()}
    </section>
  );
}
