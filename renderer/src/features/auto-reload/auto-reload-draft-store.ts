import { create } from 'zustand';
import type { AutoReloadDraft } from './auto-reload-form';

/** Unsaved Auto Reload edits per client, kept outside the page so leaving it and coming back loses nothing. */
interface AutoReloadDraftState {
  drafts: Readonly<Record<string, AutoReloadDraft>>;
  keep(clientId: string, draft: AutoReloadDraft): void;
  drop(clientId: string): void;
}

export const useAutoReloadDraftStore = create<AutoReloadDraftState>()((set) => ({
  drafts: {},
  keep: (clientId, draft) => set((state) => ({ drafts: { ...state.drafts, [clientId]: draft } })),
  drop: (clientId) =>
    set((state) => ({
      drafts: Object.fromEntries(Object.entries(state.drafts).filter(([id]) => id !== clientId)),
    })),
}));
