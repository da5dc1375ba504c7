import { CheckCircleIcon, SearchIcon, UsersIcon } from '../../components/icons';

export function NoMatchingClients({ search, onClear }: { search: string; onClear(): void }) {
  return (
    <div className="panel-state">
      <SearchIcon className="panel-state__icon" />
      <p className="panel-state__title">No clients match “{search}”</p>
      <p className="panel-state__text">Check the spelling, or search for part of the name.</p>
      <button type="button" className="button button--secondary" onClick={onClear}>
        Clear search
      </button>
    </div>
  );
}

export function NoClientsYet() {
  return (
    <div className="panel-state">
      <UsersIcon className="panel-state__icon" />
      <p className="panel-state__title">No clients yet</p>
      <p className="panel-state__text">
        Clients appear here once they exist in the billing workspace and sync.
      </p>
    </div>
  );
}

export function NoBlockedClients({ search, onShowAll }: { search: string; onShowAll(): void }) {
  return (
    <div className="panel-state">
      <CheckCircleIcon className="panel-state__icon" />
      <p className="panel-state__title">
        {search ? `No blocked client matches “${search}”` : 'No client is blocked'}
      </p>
      <p className="panel-state__text">
        {search
          ? 'Clients with no blocked work are hidden while "Blocked only" is on.'
          : "Every refused submission is covered by its client's balance."}
      </p>
      <button type="button" className="button button--secondary" onClick={onShowAll}>
        Show all clients
      </button>
    </div>
  );
}
