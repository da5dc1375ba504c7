import type { Provenance } from '../../../../shared/ipc/ledger-models';

/** Decorative: each source's share of the balance. The list beside it carries the numbers. */
export function ProvenanceBar({ provenance }: { provenance: Provenance }) {
  const total = provenance.total;
  const segments = [
    { key: 'plan', className: 'provenance-bar__plan', tokens: provenance.plan.tokensLeft },
    ...provenance.topUps.map((bucket) => ({
      key: bucket.topUpId,
      className: 'provenance-bar__topup',
      tokens: bucket.tokensLeft,
    })),
  ].filter((segment) => segment.tokens > 0);
  let offset = 0;
  return (
    <svg
      className="provenance-bar"
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="provenance-bar__track" x="0" y="0" width="100" height="8" />
      {total > 0 &&
        segments.map((segment) => {
          const width = (segment.tokens / total) * 100;
          const x = offset;
          offset += width;
          return (
            <rect key={segment.key} className={segment.className} x={x} y="0" width={width} height="8" />
          );
        })}
    </svg>
  );
}
