import { create } from 'zustand';

/** A request from elsewhere (the Insufficient Tokens dialog) to bring up a client's Auto Reload switched on. */
interface AutoReloadRequestState {
  request: { clientId: string; packId: string | null } | null;
  ask(clientId: string, packId: string | null): void;
  consume(): void;
}

export const useAutoReloadRequestStore = create<AutoReloadRequestState>()((set) => ({
  request: null,
  ask: (clientId, packId) => set({ request: { clientId, packId } }),
  consume: () => set({ request: null }),
}));
