import type { BalanceSplit } from '../../../shared/ipc/models';
import { Badge } from './Badge';

/** Flags a client who needs a top-up soon; nothing for a healthy balance. */
export function BalanceBadge({ balance, lowBalance }: { balance: BalanceSplit; lowBalance: boolean }) {
  if (!lowBalance) return null;
  return balance.total === 0 ? (
    <Badge tone="danger">Out of tokens</Badge>
  ) : (
    <Badge tone="warning">Low balance</Badge>
  );
}
