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
const COLUMN_COUNT = 5;

interface ClientsTableProps {
  clients: ClientSummary[];
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

function SpacerRow({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className="data-table__spacer" style={{ height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

export function ClientsTable({ clients, sort, direction, onSort, busy }: ClientsTableProps) {
  const now = useNow(DAYS_LEFT_REFRESH_MS);
  const header = { activeKey: sort, direction, onSort };
  const body = useRef<HTMLTableSectionElement>(null);
  const windowed = clients.length > DRAW_ALL_UP_TO;
  const bodyOffset = useBodyOffset(body);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own onChange; nothing here is memoized across its results.
  const virtualizer = useVirtualizer({
    count: clients.length,
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

  return (
    <table
      className={windowed ? 'data-table data-table--windowed' : 'data-table'}
      aria-label="Clients"
      aria-busy={busy}
      aria-rowcount={windowed ? clients.length + 1 : undefined}
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
              ) : null;
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
