import { useSyncNow } from '../../api/mutations';
import { useSyncStatus } from '../../api/queries';
import { RefreshIcon } from '../../components/icons';
import { SyncStatusIndicator } from './SyncStatusIndicator';

/** The header's sync area: how fresh the cache is, and a way to refresh it now. */
export function SyncControls() {
  const { data: status, error: statusError } = useSyncStatus();
  const syncNow = useSyncNow();
  const busy = syncNow.isPending || status?.state === 'syncing';

  return (
    <div className="sync-controls">
      <SyncStatusIndicator status={status} failure={syncNow.error ?? statusError} />
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => syncNow.mutate()}
        disabled={busy}
      >
        <RefreshIcon />
        Sync now
      </button>
    </div>
  );
}
