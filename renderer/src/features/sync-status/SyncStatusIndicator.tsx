import type { SyncStatus } from '../../../../shared/ipc/models';
import { useNow } from '../../hooks/use-now';
import { messageFor } from '../../components/error-message';
import { AlertIcon, CheckCircleIcon, CloudOffIcon, RefreshIcon } from '../../components/icons';
import { describeSync, type SyncDescription, type SyncTone } from './describe-sync';

const RELATIVE_TIME_REFRESH_MS = 30_000;

function ToneIcon({ tone }: { tone: SyncTone }) {
  switch (tone) {
    case 'ok':
      return <CheckCircleIcon className="sync-status__icon" />;
    case 'busy':
      return <RefreshIcon className="sync-status__icon spin" />;
    case 'offline':
      return <CloudOffIcon className="sync-status__icon" />;
    case 'partial':
    case 'error':
      return <AlertIcon className="sync-status__icon" />;
    case 'idle':
      return <RefreshIcon className="sync-status__icon" />;
  }
}

interface SyncStatusIndicatorProps {
  status: SyncStatus | undefined;
  /** Why loading the status or asking for a sync failed, when the status itself cannot say. */
  failure: unknown;
}

function describe(status: SyncStatus | undefined, failure: unknown, now: Date): SyncDescription {
  if (failure && status?.state !== 'syncing')
    return { tone: 'error', text: messageFor(failure), progress: null };
  if (status) return describeSync(status, now);
  return { tone: 'idle', text: 'Checking sync status…', progress: null };
}

/** A live region, so screen readers hear "Synced just now" or "Offline …" as it changes. */
export function SyncStatusIndicator({ status, failure }: SyncStatusIndicatorProps) {
  const now = useNow(RELATIVE_TIME_REFRESH_MS);
  const description = describe(status, failure, now);

  return (
    <div className={`sync-status sync-status--${description.tone}`} role="status" aria-live="polite">
      <ToneIcon tone={description.tone} />
      <span className="sync-status__text">{description.text}</span>
      {description.progress && (
        <progress
          className="sync-status__progress"
          max={description.progress.total}
          value={description.progress.done}
          aria-label="Sync progress"
        />
      )}
    </div>
  );
}
