const SKELETON_ROWS = 8;

/**
 * Placeholder rows in a table's shape, so the page doesn't jump when the data
 * arrives. `columns` marks each column as wide, end-aligned or plain.
 */
export function TableLoading({
  label,
  columns,
}: {
  /** Announced to assistive technology, e.g. "Loading clients…". */
  label: string;
  columns: ReadonlyArray<'wide' | 'end' | 'plain'>;
}) {
  return (
    <div className="table-card">
      <p className="loading-line" role="status">
        {label}
      </p>
      <div className="skeleton-table" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, row) => (
          <div className="skeleton-row" key={row}>
            {columns.map((column, index) => (
              <span
                key={index}
                className={column === 'plain' ? 'skeleton' : `skeleton skeleton--${column}`}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
