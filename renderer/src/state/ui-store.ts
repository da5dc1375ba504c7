import { create } from 'zustand';
import type { ClientSortKey, SortDirection } from '../../../shared/ipc/models';

/** UI-only state that should survive navigating away and back. Server data lives in React Query. */
interface UiState {
  clientSearch: string;
  clientSort: ClientSortKey;
  clientDirection: SortDirection;
  setClientSearch(search: string): void;
  /** Clicking the active column flips its direction; another column starts ascending. */
  toggleClientSort(key: ClientSortKey): void;
}

export const useUiStore = create<UiState>()((set) => ({
  clientSearch: '',
  clientSort: 'name',
  clientDirection: 'asc',
  setClientSearch: (clientSearch) => set({ clientSearch }),
  toggleClientSort: (key) =>
    set((state) =>
      state.clientSort === key
        ? { clientDirection: state.clientDirection === 'asc' ? 'desc' : 'asc' }
        : { clientSort: key, clientDirection: 'asc' },
    ),
}));
