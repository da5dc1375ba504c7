import type { BalanceSplit } from '../../../../shared/ipc/models';

/** Decorative proportion of plan vs top-up tokens; the numbers beside it carry the meaning. */
export function BalanceSplitBar({ balance }: { balance: BalanceSplit }) {
  const planShare = balance.total === 0 ? 0 : (balance.plan / balance.total) * 100;
  return (
    <svg
      className="split-bar"
      viewBox="0 0 100 6"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="split-bar__track" x="0" y="0" width="100" height="6" />
      {balance.total > 0 && (
        <>
          <rect className="split-bar__plan" x="0" y="0" width={planShare} height="6" />
          <rect className="split-bar__topup" x={planShare} y="0" width={100 - planShare} height="6" />
        </>
      )}
    </svg>
  );
}
