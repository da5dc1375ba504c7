import type { Provenance } from '../../../../shared/ipc/ledger-models';
import { SegmentBar } from '../../components/SegmentBar';

/** Each source's share of the balance: the plan first, then top-ups in the order usage drains them. */
export function ProvenanceBar({ provenance }: { provenance: Provenance }) {
  const segments = [
    { key: 'plan', className: 'provenance-bar__plan', tokens: provenance.plan.tokensLeft },
    ...provenance.topUps.map((bucket) => ({
      key: bucket.topUpId,
      className: 'provenance-bar__topup',
      tokens: bucket.tokensLeft,
    })),
    ...provenance.otherBuckets.map((other) => ({
      key: `other:${other.bucket}`,
      className: 'provenance-bar__other',
      tokens: other.tokensLeft,
    })),
  ];
  return <SegmentBar className="provenance-bar" height={8} total={provenance.total} segments={segments} />;
}
