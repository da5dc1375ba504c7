import { LOW_BALANCE_SHARE, lowBalanceThreshold } from '../../../shared/domain/balance';
import { formatTokens } from '../../../shared/domain/format';
import type { BalanceSplit } from '../../../shared/ipc/models';
import { Badge } from './Badge';

interface BalanceBadgeProps {
  balance: BalanceSplit;
  lowBalance: boolean;
  tokensPerCycle: number;
}

/** Flags a client who needs a top-up soon, and says what "low" means; nothing for a healthy balance. */
export function BalanceBadge({ balance, lowBalance, tokensPerCycle }: BalanceBadgeProps) {
  if (!lowBalance) return null;
  const out = balance.total === 0;
  const why = out
    ? 'No tokens left: every submission will be refused'
    : `Under ${LOW_BALANCE_SHARE * 100}% of the monthly allocation (${formatTokens(lowBalanceThreshold(tokensPerCycle))})`;
  return (
    <span title={why}>
      <Badge tone={out ? 'danger' : 'warning'}>{out ? 'Out of tokens' : 'Low balance'}</Badge>
      <span className="visually-hidden">: {why}</span>
    </span>
  );
}
