import type { Provenance, TopUpBucketModel } from '../../../shared/ipc/ledger-models';
import type { Repositories } from '../db/repositories';

/**
 * Where a client's tokens come from, from the cached ledger alone: the plan
 * bucket (expiring at renewal) and every top-up bucket with tokens left,
 * oldest first, as usage will consume them.
 */
export function provenanceFor(
  repos: Pick<Repositories, 'clients' | 'ledger' | 'ledgerReplay'>,
  clientId: string,
): Provenance | null {
  const client = repos.clients.get(clientId);
  if (!client) return null;
  const state = repos.ledgerReplay.current(clientId);
  const purchases = new Map(
    repos.ledger
      .purchases(
        clientId,
        state.topUps.map((bucket) => bucket.id),
      )
      .map((row) => [row.top_up_id, row]),
  );
  const topUps = state.topUps.map((bucket): TopUpBucketModel => {
    const purchase = purchases.get(bucket.id);
    return {
      topUpId: bucket.id,
      type: purchase?.type ?? bucket.kind,
      purchasedAt: purchase?.at ?? repos.ledger.firstMention(clientId, bucket.id) ?? client.updated_at,
      tokensBought: purchase?.amount ?? bucket.remaining,
      tokensLeft: bucket.remaining,
      invoiceId: purchase?.invoice_id ?? null,
      invoiceNumber: purchase?.invoice_number ?? null,
    };
  });
  const plan = Math.max(0, state.plan);
  const otherBuckets = Object.entries(state.otherBuckets)
    .filter(([, tokens]) => tokens > 0)
    .map(([bucket, tokensLeft]) => ({ bucket, tokensLeft }));
  const explained =
    plan +
    topUps.reduce((sum, bucket) => sum + bucket.tokensLeft, 0) +
    otherBuckets.reduce((sum, other) => sum + other.tokensLeft, 0);
  return {
    total: explained,
    balanceTotal: client.balance.total,
    plan: { tokensLeft: plan, cycleStart: client.cycle_start, expiresOn: client.renewal_date },
    topUps,
    otherBuckets,
  };
}
