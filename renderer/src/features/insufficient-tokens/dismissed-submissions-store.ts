import { create } from 'zustand';

/**
 * Blocked submissions whose dialog the person has already answered, so it does not ask again by itself
 * (the banner on the client page stays until the work is resubmitted, and can bring the dialog back).
 */
interface DismissedSubmissionsState {
  dismissed: ReadonlySet<string>;
  dismiss(submissionId: string): void;
  reopen(submissionId: string): void;
}

export const useDismissedSubmissionsStore = create<DismissedSubmissionsState>()((set) => ({
  dismissed: new Set(),
  dismiss: (submissionId) => set((state) => ({ dismissed: new Set([...state.dismissed, submissionId]) })),
  reopen: (submissionId) =>
    set((state) => ({ dismissed: new Set([...state.dismissed].filter((id) => id !== submissionId)) })),
}));
