import type { UpdateStatus } from '../../../shared/ipc/update-models';

/** What the updater reports, independent of electron-updater's event names. */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

export const UNSUPPORTED_UPDATE_STATUS: UpdateStatus = {
  state: 'unsupported',
  version: null,
  progress: null,
};
export const IDLE_UPDATE_STATUS: UpdateStatus = { state: 'idle', version: null, progress: null };

/**
 * The update state machine: idle → checking → available → downloading → ready,
 * with error reachable from any step. A downloaded update stays ready until the
 * app restarts; nothing that happens later may take the offer away again.
 */
export function reduceUpdateStatus(status: UpdateStatus, event: UpdaterEvent): UpdateStatus {
  if (status.state === 'unsupported' || status.state === 'ready') return status;
  switch (event.type) {
    case 'checking':
      return status.state === 'checking' ? status : { state: 'checking', version: null, progress: null };
    case 'available':
      return { state: 'available', version: event.version, progress: 0 };
    case 'not-available':
      return IDLE_UPDATE_STATUS;
    case 'progress':
      return { state: 'downloading', version: status.version, progress: clampPercent(event.percent) };
    case 'downloaded':
      return { state: 'ready', version: event.version, progress: 100 };
    case 'error':
      return { state: 'error', version: status.version, progress: null };
  }
}

function clampPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(percent * 10) / 10));
}
