import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../../shared/api/billing-api';
import {
  advisePlan,
  cheapestPackCover,
  type CompletedCycle,
  type PackPurchase,
  type PlanTier,
} from '../../../../shared/domain/forecast/plan-advice';

const usd = (amount: number) => ({ amount, currency: 'USD' });
const TIERS: PlanTier[] = [
  { name: 'Starter', price: usd(9_900), tokensPerCycle: 10_000 },
  { name: 'Growth', price: usd(44_900), tokensPerCycle: 50_000 },
  { name: 'Scale', price: usd(159_000), tokensPerCycle: 200_000 },
];
const PACKS: Pack[] = [
  { id: 'pack_1k', tokens: 1_000, price: usd(1_500) },
  { id: 'pack_5k', tokens: 5_000, price: usd(6_500) },
  { id: 'pack_10k', tokens: 10_000, price: usd(12_000) },
  { id: 'pack_25k', tokens: 25_000, price: usd(27_500) },
];
const bought = (...ids: string[]): PackPurchase[] =>
  ids.map((id) => {
    const pack = PACKS.find((p) => p.id === id);
    if (!pack) throw new Error(id);
    return { tokens: pack.tokens, price: pack.price };
  });

const MONTHS = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'] as const;
function cycles(plan: PlanTier, each: Partial<CompletedCycle>): CompletedCycle[] {
  return [0, 1, 2].map((i) => ({
    start: MONTHS[i] ?? '',
    end: MONTHS[i + 1] ?? '',
    planName: plan.name,
    planPrice: plan.price,
    allocation: plan.tokensPerCycle,
    tokensUsed: 0,
    packsBought: [],
    planTokensExpired: 0,
    daysAtZero: 0,
    blockedSubmissions: 0,
    ...each,
  }));
}
const [STARTER, GROWTH, SCALE] = TIERS as [PlanTier, PlanTier, PlanTier];

describe('cheapestPackCover', () => {
  it('finds the cheapest mix of packs, not just the best value per token', () => {
    // 35,000 tokens: 25k + 10k ($395) beats 25k + 5k + 5k ($405) and 3 × 10k + 5k ($425).
    expect(cheapestPackCover(35_000, PACKS)).toEqual({ cost: 39_500, packs: 2 });
    // Greedy by value would buy two 4-token packs (8.00); two 3-token packs cost 6.60.
    const odd: PackPurchase[] = [
      { tokens: 4, price: usd(400) },
      { tokens: 3, price: usd(330) },
    ];
    expect(cheapestPackCover(6, odd)).toEqual({ cost: 660, packs: 2 });
  });

  it('needs nothing for no shortfall and cannot cover one without packs', () => {
    expect(cheapestPackCover(0, PACKS)).toEqual({ cost: 0, packs: 0 });
    expect(cheapestPackCover(-5_000, [])).toEqual({ cost: 0, packs: 0 });
    expect(cheapestPackCover(1, [])).toBeNull();
  });

  it('stays close to the best per-token price for a very large need', () => {
    const cover = cheapestPackCover(500_000_000, PACKS);
    expect(cover).not.toBeNull();
    const floor = 500_000_000 * (27_500 / 25_000);
    expect(cover?.cost).toBeGreaterThanOrEqual(floor);
    expect(cover?.cost).toBeLessThanOrEqual(floor + 27_500);
  });
});

describe('advisePlan', () => {
  it('recommends an upgrade to a client buying three packs every cycle', () => {
    const history = cycles(STARTER, {
      tokensUsed: 45_000,
      packsBought: bought('pack_25k', 'pack_5k', 'pack_5k'),
    });
    const advice = advisePlan({ cycles: history, tiers: TIERS, currentPlan: 'Starter', packs: PACKS });
    expect(advice.kind).toBe('upgrade');
    if (advice.kind !== 'upgrade') return;
    expect(advice.tier).toBe('Growth');
    // Spent $99 + $405; Starter at its cheapest is $99 + $395 = $494; Growth is $449.
    expect(advice.savingPerCycle).toEqual(usd(4_500));
    expect(advice.evidence).toContain('Bought 3 packs in each of the last 3 cycles.');
    expect(advice.evidence).toContain('On Growth you would have paid $45.00 less per month.');
    expect(advice.evidence).toContain('Spent $504.00 a month on average on the plan and packs.');
  });

  it('recommends a downgrade to a client leaving most of a large plan to expire', () => {
    const history = cycles(SCALE, { tokensUsed: 30_000, planTokensExpired: 170_000 });
    const advice = advisePlan({ cycles: history, tiers: TIERS, currentPlan: 'Scale', packs: PACKS });
    expect(advice.kind).toBe('downgrade');
    if (advice.kind !== 'downgrade') return;
    // Starter plus 20,000 tokens as two 10k packs: $99 + $240 = $339, against $1,590.
    expect(advice.tier).toBe('Starter');
    expect(advice.savingPerCycle).toEqual(usd(159_000 - 33_900));
    expect(advice.evidence).toContain("About 85% of the plan's tokens expired unused in each cycle.");
    expect(advice.evidence).toContain('Bought no packs in the last 3 cycles.');
  });

  it('advises staying when the current plan is already the cheapest', () => {
    const history = cycles(GROWTH, { tokensUsed: 45_000, planTokensExpired: 5_000 });
    const advice = advisePlan({ cycles: history, tiers: TIERS, currentPlan: 'Growth', packs: PACKS });
    expect(advice).toMatchObject({ kind: 'stay', tier: 'Growth' });
    expect(advice.evidence).toContain('Growth is already the cheapest plan for this usage.');
  });

  it('advises staying when another plan would save less than the threshold', () => {
    // 32,000 extra tokens at best cost $370, so Starter is $469 against Growth's $449: $20 is under 5% of $469.
    const history = cycles(STARTER, {
      tokensUsed: 42_000,
      packsBought: bought('pack_25k', 'pack_5k', 'pack_1k', 'pack_1k'),
    });
    const advice = advisePlan({ cycles: history, tiers: TIERS, currentPlan: 'Starter', packs: PACKS });
    expect(advice).toMatchObject({ kind: 'stay', tier: 'Starter' });
    expect(advice.evidence).toContain(
      'On Growth you would have saved only $20.00 a month, too little to switch.',
    );
  });

  it('does not credit a plan change with what buying packs beyond the need cost', () => {
    // Two 25k packs a month ($550) where $395 of packs would have done: spent $649, yet Starter at its cheapest
    // is $494, so Growth ($449) saves $45 a month, not $200.
    const history = cycles(STARTER, { tokensUsed: 45_000, packsBought: bought('pack_25k', 'pack_25k') });
    const advice = advisePlan({ cycles: history, tiers: TIERS, currentPlan: 'Starter', packs: PACKS });
    expect(advice).toMatchObject({ kind: 'upgrade', tier: 'Growth', savingPerCycle: usd(4_500) });
    expect(advice.evidence).toContain('Bought 2 packs in each of the last 3 cycles.');
  });

  it('says there is not enough history before a cycle has completed', () => {
    const advice = advisePlan({ cycles: [], tiers: TIERS, currentPlan: 'Starter', packs: PACKS });
    expect(advice.kind).toBe('not_enough_history');
    expect(advice.evidence.length).toBeGreaterThan(0);
  });

  it('uses only the latest three cycles, whatever order they come in', () => {
    const [first, second, third] = cycles(SCALE, { tokensUsed: 30_000, planTokensExpired: 170_000 });
    if (!first || !second || !third) throw new Error('three cycles');
    const old: CompletedCycle = {
      ...first,
      start: '2025-12-01',
      end: '2026-01-01',
      tokensUsed: 400_000,
      packsBought: bought('pack_25k'),
    };
    const advice = advisePlan({
      cycles: [third, old, first, second],
      tiers: TIERS,
      currentPlan: 'Scale',
      packs: PACKS,
    });
    expect(advice).toMatchObject({ kind: 'downgrade', tier: 'Starter' });
    expect(advice.evidence).toContain('Used about 30,000 tokens a cycle.');
    expect(advice.evidence).toContain('Bought no packs in the last 3 cycles.');
  });

  it('names blocked demand as missing from the figures', () => {
    const history = cycles(GROWTH, { tokensUsed: 50_000, daysAtZero: 2, blockedSubmissions: 7 });
    const advice = advisePlan({
      cycles: history.slice(2),
      tiers: TIERS,
      currentPlan: 'Growth',
      packs: PACKS,
    });
    expect(advice.evidence).toContain(
      '7 submissions were blocked for lack of tokens over 2 days at zero; that demand is not in these figures, so the real need was higher.',
    );
    expect(advice.evidence).toContain('Bought no packs in the last cycle.');
  });

  it('leaves out tiers priced in another currency', () => {
    const euroStarter: PlanTier = {
      name: 'Starter EU',
      price: { amount: 100, currency: 'EUR' },
      tokensPerCycle: 10_000,
    };
    const history = cycles(SCALE, { tokensUsed: 5_000, planTokensExpired: 195_000 });
    const advice = advisePlan({
      cycles: history,
      tiers: [euroStarter, GROWTH, SCALE],
      currentPlan: 'Scale',
      packs: PACKS,
    });
    expect(advice).toMatchObject({
      kind: 'downgrade',
      tier: 'Growth',
      savingPerCycle: usd(159_000 - 44_900),
    });
    expect(advice.evidence).toContain('Prices in currencies other than USD were left out.');
  });
});
