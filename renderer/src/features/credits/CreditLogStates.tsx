import { FileTextIcon, SearchIcon } from '../../components/icons';

const SKELETON_ROWS = 8;

export function CreditLogLoading() {
  return (
    <div className="table-card">
      <p className="loading-line" role="status">
        Loading credit log…
      </p>
      <div className="skeleton-table" aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          <div className="skeleton-row" key={index}>
            <span className="skeleton" />
            <span className="skeleton skeleton--wide" />
            <span className="skeleton skeleton--end" />
            <span className="skeleton" />
          </div>
        ))}
      </div>
    </div>
  );
}

export function NoMatchingEntries({ onClear }: { onClear(): void }) {
  return (
    <div className="panel-state">
      <SearchIcon className="panel-state__icon" />
      <p className="panel-state__title">No entries match these filters</p>
      <p className="panel-state__text">Widen the date range, pick more types, or search for other words.</p>
      <button type="button" className="button button--secondary" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

export function NoEntriesYet() {
  return (
    <div className="panel-state">
      <FileTextIcon className="panel-state__icon" />
      <p className="panel-state__title">No credit log entries yet</p>
      <p className="panel-state__text">
        Plan allocations, top ups and usage appear here once they are synced.
      </p>
    </div>
  );
}
