import type { UpdateStatus } from '../../../../shared/ipc/update-models';

/** The banner's line once an update is downloaded; null while there is nothing the user can act on. */
export function describeReadyUpdate(status: UpdateStatus | undefined): string | null {
  if (status?.state !== 'ready') return null;
  return status.version ? `Update ${status.version} is ready` : 'An update is ready';
}
