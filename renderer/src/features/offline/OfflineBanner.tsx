import { formatDateTime } from '../../../../shared/domain/format';
import { useSyncStatus } from '../../api/queries';
import { CloudOffIcon } from '../../components/icons';
import './offline.css';

/**
 * Shown on every screen while the billing API is out of reach, so nobody
 * mistakes cached numbers for live ones. It is the one place that says so in
 * full; the header only says "Offline".
 */
export function OfflineBanner() {
  const { data: status } = useSyncStatus();
  if (status?.state !== 'offline') return null;
  const text = status.lastSyncedAt
    ? `Offline — showing data from ${formatDateTime(status.lastSyncedAt)}`
    : 'Offline — nothing has been synced yet';
  return (
    <div className="offline-banner" role="status">
      <CloudOffIcon className="offline-banner__icon" />
      <p className="offline-banner__text">{text}</p>
      <p className="offline-banner__hint">Changes made elsewhere appear once the connection is back.</p>
    </div>
  );
}
