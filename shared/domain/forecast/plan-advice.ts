/**
 * Whether a client would have paid less on another plan over its last complete cycles, told as plain sentences.
 *
 * Each tier is priced for each cycle as its price plus the cheapest mix of packs covering the usage above its
 * allocation (exact over pack sizes, see {@link cheapestPackCover}). The tiers' averages are set against what
 * was spent: the plan price plus the packs bought. The saving claimed is measured from the lower of that spend
 * and the current plan's modelled cost, so it only credits the plan change, never a client buying packs it did
 * not need or a top-up that rolled over. A change is advised only when it saves at least 5% of the spend and at
 * least 5 whole currency units a cycle: smaller gaps are within what next month's usage will move.
 *
 * Blocked submissions are demand the usage figures do not contain; its size is unknown, so it is not priced, but
 * the evidence says so, because it means a larger plan would pay off more than shown.
 */
import type { Pack } from '../../api/billing-api';
import type { Money } from '../../api/primitives';
import { daysBetween, formatInteger, formatMoney, minorUnitsPerMajor } from '../format';

export interface PackPurchase {
  tokens: number;
  price: Money;
}

export interface CompletedCycle {
  start: string;
  end: string;
  planName: string;
  planPrice: Money;
  allocation: number;
  tokensUsed: number;
  packsBought: readonly PackPurchase[];
  planTokensExpired: number;
  daysAtZero: number;
  blockedSubmissions: number;
}

export interface PlanTier {
  name: string;
  price: Money;
  tokensPerCycle: number;
}

export interface PlanAdviceInput {
  /** Complete cycles in any order; the latest three are used. */
  cycles: readonly CompletedCycle[];
  tiers: readonly PlanTier[];
  currentPlan: string;
  packs: readonly Pack[];
}

export type PlanAdvice =
  | { kind: 'upgrade' | 'downgrade'; tier: string; savingPerCycle: Money; evidence: string[] }
  | { kind: 'stay'; tier: string; evidence: string[] }
  | { kind: 'not_enough_history'; evidence: string[] };

export const ADVICE_CYCLES = 3;
export const MIN_SAVING_SHARE = 0.05;
export const MIN_SAVING_MAJOR_UNITS = 5;
const NOTABLE_EXPIRY_SHARE = 0.1;
/** Cap on the cover search's table; beyond it the bulk is bought in the best-value pack first. */
const MAX_COVER_STEPS = 100_000;

export interface PackCover {
  /** Minor units. */
  cost: number;
  packs: number;
}

/**
 * The cheapest way to buy at least `tokens` with any number of each pack: a table over multiples of the packs'
 * greatest common divisor, exact while it fits {@link MAX_COVER_STEPS}; past that, best-value packs are bought
 * first until the rest fits. Null when tokens are needed and there is no pack.
 */
export function cheapestPackCover(tokens: number, packs: readonly PackPurchase[]): PackCover | null {
  if (tokens <= 0) return { cost: 0, packs: 0 };
  const usable = packs.filter((p) => Number.isInteger(p.tokens) && p.tokens > 0);
  if (usable.length === 0) return null;
  const step = usable.reduce((g, p) => gcd(g, p.tokens), 0);
  const bestValue = usable.reduce((best, p) =>
    p.price.amount * best.tokens < best.price.amount * p.tokens ? p : best,
  );
  const largestSteps = Math.max(...usable.map((p) => p.tokens / step));
  let rest = tokens;
  let bulk: PackCover = { cost: 0, packs: 0 };
  const overflow = Math.ceil(rest / step) + largestSteps - MAX_COVER_STEPS;
  if (overflow > 0) {
    const count = Math.ceil((overflow * step) / bestValue.tokens);
    rest -= count * bestValue.tokens;
    bulk = { cost: count * bestValue.price.amount, packs: count };
  }
  const need = Math.max(0, Math.ceil(rest / step));
  const cost = new Float64Array(need + 1).fill(Number.POSITIVE_INFINITY);
  const count = new Uint32Array(need + 1);
  cost[0] = 0;
  for (let covered = 1; covered <= need; covered += 1) {
    for (const pack of usable) {
      const from = Math.max(0, covered - pack.tokens / step);
      const candidate = (cost[from] ?? Number.POSITIVE_INFINITY) + pack.price.amount;
      if (candidate < (cost[covered] ?? Number.POSITIVE_INFINITY)) {
        cost[covered] = candidate;
        count[covered] = (count[from] ?? 0) + 1;
      }
    }
  }
  return { cost: bulk.cost + (cost[need] ?? 0), packs: bulk.packs + (count[need] ?? 0) };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function advisePlan(input: PlanAdviceInput): PlanAdvice {
  const cycles = [...input.cycles].sort((a, b) => a.end.localeCompare(b.end)).slice(-ADVICE_CYCLES);
  const last = cycles[cycles.length - 1];
  if (last === undefined) {
    return { kind: 'not_enough_history', evidence: ['No billing cycle has been completed yet.'] };
  }
  const currentTier = input.tiers.find((t) => t.name === input.currentPlan);
  const currency = (currentTier?.price ?? last.planPrice).currency;
  const inCurrency = (money: Money): boolean => money.currency === currency;
  const comparable = cycles.filter(
    (c) => inCurrency(c.planPrice) && c.packsBought.every((p) => inCurrency(p.price)),
  );
  if (comparable.length === 0) {
    return {
      kind: 'not_enough_history',
      evidence: [`No recent cycle was billed in ${currency}, the current plan's currency.`],
    };
  }
  const tiers = input.tiers.filter((t) => inCurrency(t.price));
  const packs = input.packs.filter((p) => inCurrency(p.price));
  const money = (amount: number): string => formatMoney({ amount: Math.round(amount), currency });
  const period = comparable.every((c) => isAboutAMonth(c)) ? 'month' : 'cycle';

  const evidence = [...usageEvidence(comparable), ...packEvidence(comparable), ...expiryEvidence(comparable)];
  if (
    tiers.length < input.tiers.length ||
    packs.length < input.packs.length ||
    comparable.length < cycles.length
  ) {
    evidence.push(`Prices in currencies other than ${currency} were left out.`);
  }
  const spent = average(
    comparable.map((c) => c.planPrice.amount + sum(c.packsBought.map((p) => p.price.amount))),
  );
  evidence.push(`Spent ${money(spent)} a ${period} on average on the plan and packs.`);

  const priced = tiers
    .map((tier) => ({ tier, cost: tierCost(tier, comparable, packs) }))
    .filter((t): t is { tier: PlanTier; cost: number } => t.cost !== null)
    .sort((a, b) => a.cost - b.cost || Number(b.tier === currentTier) - Number(a.tier === currentTier));
  const best = priced[0];
  const currentCost = priced.find((t) => t.tier === currentTier)?.cost ?? spent;
  if (best === undefined || best.tier === currentTier) {
    evidence.push(
      best === undefined
        ? 'No plan could be priced for this usage: there are no packs to cover what the plans leave short.'
        : `${best.tier.name} is already the cheapest plan for this usage.`,
    );
    return { kind: 'stay', tier: input.currentPlan, evidence };
  }

  const saving = Math.round(Math.min(spent, currentCost) - best.cost);
  const threshold = Math.max(
    Math.ceil(spent * MIN_SAVING_SHARE),
    MIN_SAVING_MAJOR_UNITS * minorUnitsPerMajor(currency),
  );
  if (saving < threshold) {
    evidence.push(
      saving > 0
        ? `On ${best.tier.name} you would have saved only ${money(saving)} a ${period}, too little to switch.`
        : `What was spent on ${input.currentPlan} is no more than ${best.tier.name} would have cost.`,
    );
    return { kind: 'stay', tier: input.currentPlan, evidence };
  }
  const currentAllocation = currentTier?.tokensPerCycle ?? last.allocation;
  const kind = best.tier.tokensPerCycle > currentAllocation ? 'upgrade' : 'downgrade';
  evidence.push(`On ${best.tier.name} you would have paid ${money(saving)} less per ${period}.`);
  return { kind, tier: best.tier.name, savingPerCycle: { amount: saving, currency }, evidence };
}

/** Average cost a cycle on this tier, or null when some cycle's usage cannot be covered (no packs). */
function tierCost(tier: PlanTier, cycles: readonly CompletedCycle[], packs: readonly Pack[]): number | null {
  const costs: number[] = [];
  for (const cycle of cycles) {
    const cover = cheapestPackCover(cycle.tokensUsed - tier.tokensPerCycle, packs);
    if (cover === null) return null;
    costs.push(tier.price.amount + cover.cost);
  }
  return average(costs);
}

function usageEvidence(cycles: readonly CompletedCycle[]): string[] {
  const sentences = [`Used about ${formatInteger(average(cycles.map((c) => c.tokensUsed)))} tokens a cycle.`];
  const blocked = sum(cycles.map((c) => c.blockedSubmissions));
  if (blocked > 0) {
    const days = sum(cycles.map((c) => c.daysAtZero));
    sentences.push(
      `${plural(blocked, 'submission was', 'submissions were')} blocked for lack of tokens` +
        `${days > 0 ? ` over ${plural(days, 'day', 'days')} at zero` : ''}; that demand is not in these figures, ` +
        'so the real need was higher.',
    );
  }
  return sentences;
}

function packEvidence(cycles: readonly CompletedCycle[]): string[] {
  const counts = cycles.map((c) => c.packsBought.length);
  const span = cycles.length === 1 ? 'the last cycle' : `the last ${cycles.length} cycles`;
  const total = sum(counts);
  if (total === 0) return [`Bought no packs in ${span}.`];
  const first = counts[0] ?? 0;
  if (cycles.length > 1 && counts.every((n) => n === first)) {
    return [`Bought ${plural(first, 'pack', 'packs')} in each of ${span}.`];
  }
  return [`Bought ${plural(total, 'pack', 'packs')} over ${span}.`];
}

function expiryEvidence(cycles: readonly CompletedCycle[]): string[] {
  const shares = cycles.map((c) => (c.allocation > 0 ? c.planTokensExpired / c.allocation : 0));
  const averageShare = average(shares);
  if (averageShare < NOTABLE_EXPIRY_SHARE) return [];
  const percent = `${Math.round(averageShare * 100)}%`;
  return shares.every((s) => s >= NOTABLE_EXPIRY_SHARE)
    ? [`About ${percent} of the plan's tokens expired unused in each cycle.`]
    : [`On average about ${percent} of the plan's tokens expired unused.`];
}

function isAboutAMonth(cycle: CompletedCycle): boolean {
  const length = daysBetween(cycle.start, cycle.end);
  // 27 allows a February cycle whose end is its last day rather than the next cycle's start.
  return length >= 27 && length <= 31;
}

function plural(count: number, one: string, many: string): string {
  return `${formatInteger(count)} ${count === 1 ? one : many}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function average(values: readonly number[]): number {
  return values.length === 0 ? 0 : sum(values) / values.length;
}
