/**
 * The sandbox's fixed catalog and agency. Plans are cheaper per token than any
 * pack, and the per-token rate improves with each tier, so cost comparisons in
 * the app have something real to show.
 */
import type { Me, Pack, Plan } from '../../shared/api/billing-api';

export const CURRENCY = 'USD';

export const PLANS: readonly Plan[] = [
  {
    tier: 'starter',
    name: 'Starter',
    tokens_per_cycle: 10_000,
    price: { amount: 9_900, currency: CURRENCY },
  },
  { tier: 'growth', name: 'Growth', tokens_per_cycle: 50_000, price: { amount: 44_900, currency: CURRENCY } },
  { tier: 'scale', name: 'Scale', tokens_per_cycle: 200_000, price: { amount: 159_000, currency: CURRENCY } },
];

export const PACKS: readonly Pack[] = [
  { id: 'pack_1k', tokens: 1_000, price: { amount: 1_500, currency: CURRENCY } },
  { id: 'pack_5k', tokens: 5_000, price: { amount: 6_500, currency: CURRENCY } },
  { id: 'pack_10k', tokens: 10_000, price: { amount: 12_000, currency: CURRENCY } },
  { id: 'pack_25k', tokens: 25_000, price: { amount: 27_500, currency: CURRENCY } },
];

export const SANDBOX_ME: Me = {
  agency: { id: 'agc_brightline', name: 'Brightline Digital' },
  user: { id: 'usr_maya', name: 'Maya Chen', email: 'maya.chen@brightline.example' },
  card: { brand: 'Visa', last4: '4242', exp_month: 12, exp_year: 2030 },
  stripe_publishable_key: 'pk_test_sandbox',
};

export function planByTier(tier: string): Plan {
  const plan = PLANS.find((p) => p.tier === tier);
  if (!plan) throw new RangeError(`Unknown plan tier ${tier}`);
  return plan;
}

export function packById(id: string): Pack {
  const pack = PACKS.find((p) => p.id === id);
  if (!pack) throw new RangeError(`Unknown pack ${id}`);
  return pack;
}
