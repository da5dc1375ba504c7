import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { LedgerEntryModel } from '../../../../shared/ipc/ledger-models';
import { highlightedTopUpId } from '../payment/purchase-links';
import { CreditLogRow, PlaceholderRow, type RawIdCopy } from './CreditLogRow';
import './credit-log-table.css';
import { LEDGER_PAGE_SIZE } from './use-credit-log';

const ROW_HEIGHT = 40;
const OVERSCAN_ROWS = 8;
/** Asking this far ahead keeps the next page arriving before the scroll reaches it. */
const PREFETCH_ROWS = 120;
const COLUMNS = ['Date', 'Type', 'Description', 'Amount', 'Balance after', 'Reference'];
const END_ALIGNED = new Set(['Amount', 'Balance after']);

interface CreditLogTableProps {
  clientId: string;
  labelledBy: string;
  entries: LedgerEntryModel[];
  /** Every entry matching the filter, loaded or not. */
  matching: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  busy: boolean;
  copy: RawIdCopy;
}

/**
 * Only the rows in view exist in the DOM; the rest are accounted for through
 * aria-rowcount/aria-rowindex, so a million entries cost what forty do.
 */
export function CreditLogTable({
  clientId,
  labelledBy,
  entries,
  matching,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  busy,
  copy,
}: CreditLogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const placeholders = hasNextPage ? Math.max(1, Math.min(LEDGER_PAGE_SIZE, matching - entries.length)) : 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own onChange; nothing here is memoized across its results.
  const virtualizer = useVirtualizer({
    count: entries.length + placeholders,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
  });
  const rows = virtualizer.getVirtualItems();
  // Rows are keyed by slot (index modulo the most rows ever drawn at once), not by entry: the window's indices
  // are consecutive, so its keys are distinct and the next window reuses them, even after a jump of a whole
  // window. A fling then updates the same DOM rows' text instead of tearing rows down and building new ones.
  const slotsRef = useRef(0);
  slotsRef.current = Math.max(slotsRef.current, rows.length);
  const slots = slotsRef.current;
  // A purchase's "View in credit log" names its top-up; its credit entry is the one marked.
  const highlightTopUp = highlightedTopUpId(useLocation().state);
  const lastVisible = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisible >= entries.length - PREFETCH_ROWS) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastVisible, entries.length, fetchNextPage]);

  return (
    <div
      ref={scrollRef}
      className="ledger-table"
      role="table"
      aria-labelledby={labelledBy}
      aria-rowcount={matching + 1}
      aria-busy={busy}
      tabIndex={0}
    >
      <div className="ledger-table__head" role="rowgroup">
        <div className="ledger-row ledger-row--head" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => (
            <div
              key={column}
              className={END_ALIGNED.has(column) ? 'ledger-cell ledger-cell--end' : 'ledger-cell'}
              role="columnheader"
            >
              {column}
            </div>
          ))}
        </div>
      </div>
      <div className="ledger-table__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const entry = entries[row.index];
          const position = { rowIndex: row.index + 2, offset: row.start };
          const slot = row.index % slots;
          return entry ? (
            <CreditLogRow
              key={slot}
              clientId={clientId}
              entry={entry}
              position={position}
              copy={copy}
              highlighted={
                highlightTopUp !== null && entry.type === 'top_up' && entry.topUpId === highlightTopUp
              }
            />
          ) : (
            <PlaceholderRow key={slot} position={position} />
          );
        })}
      </div>
    </div>
  );
}
