import { Badge } from './Badge';

/** A client the last sync set aside: its numbers may be stale; the reason is one hover or focus away. */
export function SyncProblemBadge({ reason }: { reason: string }) {
  return (
    <span title={reason}>
      <Badge tone="danger">Sync problem</Badge>
      <span className="visually-hidden">: {reason}</span>
    </span>
  );
}
