import { create } from 'zustand';

/** Blocked submissions the person has already answered, so the same one does not ask twice. */
interface DismissedSubmissionsState {
  dismissed: ReadonlySet<string>;
  dismiss(submissionId: string): void;
}

export const useDismissedSubmissionsStore = create<DismissedSubmissionsState>()((set) => ({
  dismissed: new Set(),
  dismiss: (submissionId) => set((state) => ({ dismissed: new Set([...state.dismissed, submissionId]) })),
}));
