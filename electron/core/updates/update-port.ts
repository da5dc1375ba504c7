import type { UpdateStatus } from '../../../shared/ipc/update-models';

/** What the app core needs from a self-updating host (the Electron main process). */
export interface UpdatePort {
  status(): UpdateStatus;
  onStatus(listener: (status: UpdateStatus) => void): () => void;
  /** Quits and installs the downloaded update; throws an AppError when none is ready. */
  restart(): void;
}
