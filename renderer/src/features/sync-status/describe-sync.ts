import { formatInteger, formatRelativeTime } from '../../../../shared/domain/format';
import type { SyncStatus } from '../../../../shared/ipc/models';

export type SyncTone = 'ok' | 'partial' | 'busy' | 'offline' | 'error' | 'idle';

export interface SyncDescription {
  tone: SyncTone;
  text: string;
  progress: { done: number; total: number } | null;
}

/** The one line the header shows about the cache's freshness. */
export function describeSync(status: SyncStatus, now: Date): SyncDescription {
  switch (status.state) {
    case 'syncing': {
      const progress = status.progress;
      if (!progress || progress.total === 0) return { tone: 'busy', text: 'Syncing…', progress: null };
      const label = progress.label ? ` ${progress.label}` : '';
      return {
        tone: 'busy',
        // Counts come only while the clients' credit logs download, the long part of a first sync.
        text: `Syncing credit logs… ${formatInteger(progress.done)} of ${formatInteger(progress.total)}${label}`,
        progress: { done: progress.done, total: progress.total },
      };
    }
    case 'offline':
      // The offline banner spells out how old the data is; the header stays short.
      return { tone: 'offline', text: 'Offline', progress: null };
    case 'error':
      return { tone: 'error', text: status.error?.message ?? 'Sync failed', progress: null };
    case 'signed_out':
      return { tone: 'idle', text: 'Not signed in', progress: null };
    case 'idle': {
      if (!status.lastSyncedAt) return { tone: 'idle', text: 'Not synced yet', progress: null };
      const when = formatRelativeTime(status.lastSyncedAt, now);
      const clients = status.clients;
      if (!clients) return { tone: 'ok', text: `Synced ${when}`, progress: null };
      // The clients left out carry a "Sync problem" badge with the reason.
      const counts = `${formatInteger(clients.synced)} of ${formatInteger(clients.total)} clients`;
      return { tone: 'partial', text: `Synced ${counts} ${when}`, progress: null };
    }
  }
}
