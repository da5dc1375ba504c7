import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ClientSortKey, ClientSummary, SortDirection } from '../../../../shared/ipc/models';
import { useNow } from '../../hooks/use-now';
import { pageScrollElement } from '../../lib/page-scroll';
import { ClientRow } from './ClientRow';
import { SortableHeader } from './SortableHeader';

const DAYS_LEFT_REFRESH_MS = 60_000;
/**
 * Up to this many clients every row is drawn, so the browser's find and a screen reader's table reading see them
 * all; longer lists draw the rows in view (thousands of table rows take seconds to lay out).
 */
const DRAW_ALL_UP_TO = 150;
const ESTIMATED_ROW_PX = 64;
const OVERSCAN_ROWS = 10;
/** Asking this far ahead keeps the next page arriving before the scroll reaches it. */
const PREFETCH_ROWS = 60;
const COLUMN_COUNT = 5;

interface ClientsTableProps {
  /** The clients loaded so far, in order. */
  clients: ClientSummary[];
  /** Every client the search and filter keep, loaded or not. */
  matching: number;
  hasMore: boolean;
  loadMore(): void;
  sort: ClientSortKey;
  direction: SortDirection;
  onSort(key: ClientSortKey): void;
  busy: boolean;
}

/**
 * Where the table's body starts within the page's scrolling content, for the virtualizer's offsets: measured
 * when the body is laid out and whenever the window is resized. A banner appearing above shifts it by less than
 * the overscan, so that is not followed.
 */
function useBodyOffset(body: React.RefObject<HTMLTableSectionElement | null>): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const element = body.current;
    const scroller = pageScrollElement();
    if (!element || !scroller) return;
    const measure = () =>
      setOffset(
        element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop,
      );
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [body]);
  return offset;
}

function LoadingClientRow({ rowIndex }: { rowIndex: number }) {
  return (
    <tr aria-rowindex={rowIndex} className="data-table__loading-row" style={{ height: ESTIMATED_ROW_PX }}>
      <td colSpan={COLUMN_COUNT}>
        <span className="skeleton skeleton--wide" aria-hidden="true" />
        <span className="visually-hidden">Loading…</span>
      </td>
    </tr>
  );
}

function SpacerRow({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="data-table__spacer" style={{ height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

export function ClientsTable({
  clients,
  matching,
  hasMore,
  loadMore,
  sort,
  direction,
  onSort,
  busy,
}: ClientsTableProps) {
  const now = useNow(DAYS_LEFT_REFRESH_MS);
  const header = { activeKey: sort, direction, onSort };
  const body = useRef<HTMLTableSectionElement>(null);
  const windowed = matching > DRAW_ALL_UP_TO;
  const count = windowed ? Math.max(matching, clients.length) : clients.length;
  const bodyOffset = useBodyOffset(body);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own onChange; nothing here is memoized across its results.
  const virtualizer = useVirtualizer({
    count,
    enabled: windowed,
    getScrollElement: pageScrollElement,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    scrollMargin: bodyOffset,
    getItemKey: (index) => clients[index]?.id ?? index,
  });
  const items = windowed ? virtualizer.getVirtualItems() : [];
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - bodyOffset : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - bodyOffset) : 0;
  const lastDrawn = last?.index ?? 0;

  // Rows not loaded yet are drawn as placeholders; the next page is asked for well before the scroll gets there.
  useEffect(() => {
    if (windowed && hasMore && lastDrawn >= clients.length - PREFETCH_ROWS) loadMore();
  }, [windowed, hasMore, lastDrawn, clients.length, loadMore]);

  return (
    <table
      className={windowed ? 'data-table data-table--windowed' : 'data-table'}
      aria-label="Clients"
      aria-busy={busy}
      aria-rowcount={windowed ? count + 1 : undefined}
    >
      {windowed && (
        <colgroup>
          <col className="clients-col--client" />
          <col className="clients-col--plan" />
          <col className="clients-col--balance" />
          <col className="clients-col--renewal" />
          <col className="clients-col--actions" />
        </colgroup>
      )}
      <thead>
        <tr aria-rowindex={windowed ? 1 : undefined}>
          <SortableHeader label="Client" buttonLabel="Sort by name" sortKey="name" {...header} />
          <th scope="col">Plan</th>
          <SortableHeader
            label="Balance"
            buttonLabel="Sort by share of allocation left"
            sortKey="balance"
            align="end"
            {...header}
          />
          <SortableHeader label="Renewal" buttonLabel="Sort by renewal date" sortKey="renewal" {...header} />
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody ref={body}>
        {windowed ? (
          <>
            <SpacerRow height={before} />
            {items.map((item) => {
              const client = clients[item.index];
              return client ? (
                <ClientRow
                  key={item.key}
                  client={client}
                  now={now}
                  rowIndex={item.index + 2}
                  measureRef={virtualizer.measureElement}
                />
              ) : (
                <LoadingClientRow key={item.key} rowIndex={item.index + 2} />
              );
            })}
            <SpacerRow height={after} />
          </>
        ) : (
          clients.map((client) => <ClientRow key={client.id} client={client} now={now} />)
        )}
      </tbody>
    </table>
  );
}
