import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/bridge';
import { SearchIcon } from '../../components/icons';
import { useUiStore } from '../../state/ui-store';
import { clientTabPath } from '../client-page/client-tabs';

export const CLIENT_SEARCH_ID = 'client-search';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The clients filter. "/" anywhere on the page jumps here, as in most desktop
 * tools, and Enter opens the client when the list shows exactly one.
 */
export function ClientSearch() {
  const search = useUiStore((state) => state.clientSearch);
  const setSearch = useUiStore((state) => state.setClientSearch);
  const inputRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();

  async function openSingleMatch(term: string) {
    // Asked afresh, with the same "Blocked only" choice the table uses: the table below may still show the
    // result of a debounced, older search, and a client hidden by the filter is not a match on screen.
    const { clientShow: show } = useUiStore.getState();
    // Two are enough to tell "exactly one" from "several".
    const { items } = await api.invoke('clients.list', { search: term, show, limit: 2 });
    const [only] = items;
    const now = useUiStore.getState();
    const unchanged = now.clientSearch.trim() === term && now.clientShow === show;
    if (only && items.length === 1 && unchanged) navigate(clientTabPath(only.id, 'settings'));
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="search">
      <SearchIcon className="search__icon" />
      <input
        ref={inputRef}
        id={CLIENT_SEARCH_ID}
        className="input search__input"
        type="search"
        aria-label="Search clients"
        aria-keyshortcuts="/"
        placeholder="Search clients"
        autoComplete="off"
        spellCheck={false}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && search !== '') {
            event.preventDefault();
            setSearch('');
          }
          // A failed lookup leaves the person on the list, which shows the error itself.
          if (event.key === 'Enter' && search.trim() !== '')
            void openSingleMatch(search.trim()).catch(() => {});
        }}
      />
      <kbd className="search__kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
