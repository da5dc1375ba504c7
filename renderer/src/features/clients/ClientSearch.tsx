import { useEffect, useRef } from 'react';
import { SearchIcon } from '../../components/icons';
import { useUiStore } from '../../state/ui-store';

export const CLIENT_SEARCH_ID = 'client-search';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The clients filter. "/" anywhere on the page jumps here, as in most desktop tools. */
export function ClientSearch() {
  const search = useUiStore((state) => state.clientSearch);
  const setSearch = useUiStore((state) => state.setClientSearch);
  const inputRef = useRef<HTMLInputElement>(null);

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
        }}
      />
      <kbd className="search__kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
