import { FileTextIcon, SearchIcon } from '../../components/icons';

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
