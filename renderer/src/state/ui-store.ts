import { create } from 'zustand';
import type { ClientListShow, ClientSortKey, SortDirection } from '../../../shared/ipc/models';

/** UI-only state that should survive navigating away and back. Server data lives in React Query. */
interface UiState {
  clientSearch: string;
  clientSort: ClientSortKey;
  clientDirection: SortDirection;
  clientShow: ClientListShow;
  setClientSearch(search: string): void;
  setClientShow(show: ClientListShow): void;
  /** Clicking the active column flips its direction; another column starts ascending. */
  toggleClientSort(key: ClientSortKey): void;
}

export const useUiStore = create<UiState>()((set) => ({
  clientSearch: '',
  clientSort: 'name',
  clientDirection: 'asc',
  clientShow: 'all',
  setClientSearch: (clientSearch) => set({ clientSearch }),
  setClientShow: (clientShow) => set({ clientShow }),
  toggleClientSort: (key) =>
    set((state) =>
      state.clientSort === key
        ? { clientDirection: state.clientDirection === 'asc' ? 'desc' : 'asc' }
        : { clientSort: key, clientDirection: 'asc' },
    ),
}));
