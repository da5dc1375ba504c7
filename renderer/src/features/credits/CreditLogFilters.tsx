import type { LedgerFilterType } from '../../../../shared/ipc/ledger-models';
import { CheckIcon, SearchIcon } from '../../components/icons';
import { useCreditLogFilterDraft, useCreditLogFilterStore } from './credit-log-filter-store';
import { TYPE_FILTER_OPTIONS } from './entry-labels';

export const CREDIT_LOG_SEARCH_ID = 'credit-log-search';

function toggled(types: LedgerFilterType[], type: LedgerFilterType, on: boolean): LedgerFilterType[] {
  const rest = types.filter((candidate) => candidate !== type);
  return on ? [...rest, type] : rest;
}

function TypeFilter({ clientId }: { clientId: string }) {
  const types = useCreditLogFilterDraft(clientId).types;
  const update = useCreditLogFilterStore((state) => state.update);
  return (
    <fieldset className="type-filter">
      <legend className="filter-label">Type</legend>
      <div className="type-filter__options">
        {TYPE_FILTER_OPTIONS.map(({ type, label }) => (
          <label key={type} className="chip">
            <input
              className="chip__input"
              type="checkbox"
              checked={types.includes(type)}
              onChange={(event) => update(clientId, { types: toggled(types, type, event.target.checked) })}
            />
            <CheckIcon className="chip__check" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function DateRange({ clientId }: { clientId: string }) {
  const { from, to } = useCreditLogFilterDraft(clientId);
  const update = useCreditLogFilterStore((state) => state.update);
  const reversed = from !== '' && to !== '' && to < from;
  return (
    <div className="date-range">
      <div className="date-field">
        <label className="filter-label" htmlFor="credit-log-from">
          From
        </label>
        <input
          id="credit-log-from"
          className="input input--date"
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => update(clientId, { from: event.target.value })}
        />
      </div>
      <div className="date-field">
        <label className="filter-label" htmlFor="credit-log-to">
          To
        </label>
        <input
          id="credit-log-to"
          className="input input--date"
          type="date"
          value={to}
          min={from || undefined}
          aria-invalid={reversed || undefined}
          aria-describedby={reversed ? 'credit-log-range-error' : undefined}
          onChange={(event) => update(clientId, { to: event.target.value })}
        />
      </div>
      {reversed && (
        <p id="credit-log-range-error" className="date-range__error">
          “To” is before “From”
        </p>
      )}
    </div>
  );
}

function SearchBox({ clientId }: { clientId: string }) {
  const search = useCreditLogFilterDraft(clientId).search;
  const update = useCreditLogFilterStore((state) => state.update);
  return (
    <div className="search credit-log-search">
      <SearchIcon className="search__icon" />
      <input
        id={CREDIT_LOG_SEARCH_ID}
        className="input search__input"
        type="search"
        aria-label="Search credit log"
        placeholder="Search descriptions and references"
        autoComplete="off"
        spellCheck={false}
        value={search}
        onChange={(event) => update(clientId, { search: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && search !== '') {
            event.preventDefault();
            update(clientId, { search: '' });
          }
        }}
      />
    </div>
  );
}

/** Type, dates and search narrow the same query, so the count, the rows and the export always agree. */
export function CreditLogFilters({ clientId }: { clientId: string }) {
  return (
    <div className="credit-log-filters">
      <TypeFilter clientId={clientId} />
      <div className="credit-log-filters__row">
        <SearchBox clientId={clientId} />
        <DateRange clientId={clientId} />
      </div>
    </div>
  );
}
