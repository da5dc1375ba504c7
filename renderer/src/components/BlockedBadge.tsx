import { formatTokens } from '../../../shared/domain/format';
import type { BlockedWork } from '../../../shared/ipc/models';
import { Badge } from './Badge';

/**
 * A refused submission on a client: "Blocked" while the balance does not cover it, "Resubmit" once it does
 * (the platform never runs blocked work later; the client has to send it again).
 */
export function BlockedBadge({ work }: { work: BlockedWork }) {
  const covered = work.shortfall === 0;
  const reason = covered
    ? `The balance now covers “${work.description}”: ask the client to resubmit it`
    : `${formatTokens(work.shortfall)} short for “${work.description}”`;
  return (
    <span title={reason}>
      <Badge tone={covered ? 'accent' : 'danger'}>{covered ? 'Resubmit' : 'Blocked'}</Badge>
      <span className="visually-hidden">: {reason}</span>
    </span>
  );
}
