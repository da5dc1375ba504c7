import type { BalanceSplit } from '../../../../shared/ipc/models';
import { SegmentBar } from '../../components/SegmentBar';

/** Plan tokens (they expire at the renewal) beside top-up tokens (they never expire). */
export function BalanceSplitBar({ balance }: { balance: BalanceSplit }) {
  const segments = [
    { key: 'plan', className: 'split-bar__plan', tokens: balance.plan },
    { key: 'top-up', className: 'split-bar__topup', tokens: balance.topUp },
  ];
  return <SegmentBar className="split-bar" height={6} total={balance.total} segments={segments} />;
}
