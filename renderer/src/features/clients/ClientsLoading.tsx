const SKELETON_ROWS = 8;

/** Placeholder rows in the table's shape, so the page doesn't jump when the data arrives. */
export function ClientsLoading() {
  return (
    <div className="table-card">
      <p className="loading-line" role="status">
        Loading clients…
      </p>
      <div className="skeleton-table" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <div className="skeleton-row" key={index}>
            <span className="skeleton skeleton--wide" />
            <span className="skeleton" />
            <span className="skeleton skeleton--end" />
            <span className="skeleton" />
          </div>
        ))}
      </div>
    </div>
  );
}
