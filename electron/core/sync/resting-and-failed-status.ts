/** The sync status outside a run: at rest (with how many clients are set aside) or after a failed run. */
import { AppError } from '../../../shared/ipc/errors';
import type { SyncStatus } from '../../../shared/ipc/models';
import { RequestCancelledError } from '../billing-api/billing-api-error';
import type { Repositories } from '../db/repositories';

/** A status before the engine numbers it. */
export type StatusFields = Omit<SyncStatus, 'revision'>;

export function restingSyncStatus(repos: Repositories, signedIn: boolean): StatusFields {
  const lastSyncedAt = repos.syncCursors.lastSyncedAt();
  const setAside = repos.syncProblems.counts();
  const cached = repos.clients.count();
  const clients =
    setAside.cached + setAside.uncached > 0
      ? { synced: cached - setAside.cached, total: cached + setAside.uncached }
      : null;
  return { state: signedIn ? 'idle' : 'signed_out', lastSyncedAt, progress: null, error: null, clients };
}

/** Null when the run was only cancelled (stop, sign-in elsewhere): not a failure worth showing. */
export function failedSyncStatus(
  error: unknown,
  lastSyncedAt: string | null,
  signal: AbortSignal,
): StatusFields | null {
  if (signal.aborted || error instanceof RequestCancelledError) return null;
  const appError =
    error instanceof AppError ? error : new AppError('internal', 'Syncing with the billing service failed.');
  const state = appError.kind === 'offline' ? 'offline' : 'error';
  return { state, lastSyncedAt, progress: null, error: appError.toShape(), clients: null };
}
