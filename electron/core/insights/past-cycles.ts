/**
 * A client's latest completed billing cycles as plan advice reads them, rebuilt from
 * the cache: each cycle runs from one plan allocation to the next, and its
 * usage, refusals and expired plan tokens come from the per-day sums.
 */
import type { Client, Pack, Plan } from '../../../shared/api/billing-api';
import type { Money } from '../../../shared/api/primitives';
import {
  ADVICE_CYCLES,
  type CompletedCycle,
  type PackPurchase,
} from '../../../shared/domain/forecast/plan-advice';
import type { Repositories } from '../db/repositories';

/** What a top-up of this size cost: the pack of that size, else the best per-token rate on sale. */
function priceOf(tokens: number, packs: readonly Pack[]): Money | null {
  const same = packs.find((pack) => pack.tokens === tokens);
  if (same) return same.price;
  const best = packs.toSorted((a, b) => a.price.amount / a.tokens - b.price.amount / b.tokens)[0];
  return best
    ? { amount: Math.round((best.price.amount / best.tokens) * tokens), currency: best.price.currency }
    : null;
}

function planFor(allocation: number, client: Client, plans: readonly Plan[]): Plan {
  return plans.find((plan) => plan.tokens_per_cycle === allocation) ?? client.plan;
}

export function completedCycles(
  repos: Pick<Repositories, 'dailyLedger' | 'ledger' | 'packs' | 'plans'>,
  client: Client,
): CompletedCycle[] {
  // Plan advice weighs only the latest cycles, so only those are rebuilt, from one read of their days:
  // reading from each cycle's start to today was a year of rows a cycle, most of a client's insights time.
  const starts = repos.dailyLedger
    .grantDays(client.id)
    .filter((day) => day <= client.cycle_start)
    .slice(-(ADVICE_CYCLES + 1));
  const packs = repos.packs.list();
  const plans = repos.plans.list();
  const cycles: CompletedCycle[] = [];
  const all = starts[0] === undefined ? [] : repos.dailyLedger.days(client.id, starts[0]);
  for (let i = 0; i + 1 < starts.length; i += 1) {
    const start = starts[i] as string;
    const end = starts[i + 1] as string;
    const days = all.filter((day) => day.day >= start && day.day <= end);
    const inside = days.filter((day) => day.day < end);
    const allocation = days[0]?.day === start ? days[0].planGranted : client.plan.tokens_per_cycle;
    const plan = planFor(allocation, client, plans);
    const packsBought: PackPurchase[] = repos.ledger
      .boughtBetween(client.id, `${start}T00:00:00.000Z`, `${end}T00:00:00.000Z`)
      .flatMap((tokens) => {
        const price = priceOf(tokens, packs);
        return price ? [{ tokens, price }] : [];
      });
    cycles.push({
      start,
      end,
      planName: plan.name,
      planPrice: plan.price,
      allocation,
      tokensUsed: inside.reduce((sum, day) => sum + day.used, 0),
      packsBought,
      planTokensExpired: days.find((day) => day.day === end)?.planExpired ?? 0,
      daysAtZero: inside.filter((day) => day.endBalance === 0).length,
      blockedSubmissions: inside.reduce((sum, day) => sum + day.blocked, 0),
    });
  }
  return cycles;
}
