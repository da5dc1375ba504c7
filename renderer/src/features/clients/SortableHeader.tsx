import type { ClientSortKey, SortDirection } from '../../../../shared/ipc/models';
import { SortIcon } from '../../components/icons';

interface SortableHeaderProps {
  label: string;
  buttonLabel: string;
  sortKey: ClientSortKey;
  activeKey: ClientSortKey;
  direction: SortDirection;
  align?: 'start' | 'end';
  onSort(key: ClientSortKey): void;
}

export function SortableHeader({
  label,
  buttonLabel,
  sortKey,
  activeKey,
  direction,
  align = 'start',
  onSort,
}: SortableHeaderProps) {
  const active = sortKey === activeKey;
  return (
    <th
      scope="col"
      className={align === 'end' ? 'cell--end' : undefined}
      aria-label={label}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className={active ? 'sort-button sort-button--active' : 'sort-button'}
        aria-label={buttonLabel}
        onClick={() => onSort(sortKey)}
      >
        {label}
        <SortIcon className="sort-button__icon" direction={active ? direction : null} />
      </button>
    </th>
  );
}
