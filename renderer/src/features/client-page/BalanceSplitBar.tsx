import { lowBalanceThreshold } from '../../../../shared/domain/balance';
import { formatInteger, formatTokens } from '../../../../shared/domain/format';
import type { BalanceSplit } from '../../../../shared/ipc/models';
import { SegmentBar } from '../../components/SegmentBar';

/**
 * What is left against the monthly allocation (a bar that is always full says nothing), split into plan tokens
 * (they expire at the renewal) and top-up tokens (they never expire), with the low-balance line marked.
 */
export function BalanceSplitBar({
  balance,
  tokensPerCycle,
}: {
  balance: BalanceSplit;
  tokensPerCycle: number;
}) {
  const segments = [
    { key: 'plan', className: 'split-bar__plan', tokens: balance.plan },
    { key: 'top-up', className: 'split-bar__topup', tokens: balance.topUp },
  ];
  const threshold = lowBalanceThreshold(tokensPerCycle);
  return (
    <>
      <SegmentBar
        className="split-bar"
        height={6}
        total={Math.max(tokensPerCycle, balance.total)}
        segments={segments}
        marker={threshold}
      />
      <p className="split-bar__caption muted num">
        {formatInteger(balance.total)} of {formatTokens(tokensPerCycle)} a month left · low below{' '}
        {formatInteger(threshold)}
      </p>
    </>
  );
}
