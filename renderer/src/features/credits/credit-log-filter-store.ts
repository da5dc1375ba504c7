import { create } from 'zustand';
import type { LedgerFilterType } from '../../../../shared/ipc/ledger-models';

/** What the person typed and picked, per client; the query filter is derived from it. */
export interface CreditLogFilterDraft {
  types: LedgerFilterType[];
  /** "YYYY-MM-DD" from a date input, or '' when open-ended. */
  from: string;
  to: string;
  search: string;
}

export const EMPTY_FILTER_DRAFT: CreditLogFilterDraft = { types: [], from: '', to: '', search: '' };

interface CreditLogFilterState {
  byClient: Record<string, CreditLogFilterDraft>;
  update(clientId: string, patch: Partial<CreditLogFilterDraft>): void;
  clear(clientId: string): void;
}

/** Kept outside React Query and per client, so filters survive switching tabs and clients. */
export const useCreditLogFilterStore = create<CreditLogFilterState>()((set) => ({
  byClient: {},
  update: (clientId, patch) =>
    set((state) => ({
      byClient: {
        ...state.byClient,
        [clientId]: { ...(state.byClient[clientId] ?? EMPTY_FILTER_DRAFT), ...patch },
      },
    })),
  clear: (clientId) => set((state) => ({ byClient: { ...state.byClient, [clientId]: EMPTY_FILTER_DRAFT } })),
}));

export function useCreditLogFilterDraft(clientId: string): CreditLogFilterDraft {
  return useCreditLogFilterStore((state) => state.byClient[clientId] ?? EMPTY_FILTER_DRAFT);
}
