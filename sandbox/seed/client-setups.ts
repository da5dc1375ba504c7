/**
 * Who the seeded clients are and how they behave: plan tier, renewal day, usage
 * rate, auto reload and a balance profile that guarantees the app has zero,
 * low and large balances to show.
 */
import type { AutoReload } from '../../shared/api/billing-api';
import { uniqueInvoicePrefix } from '../../shared/domain/invoice-number';
import { planByTier } from './catalog';
import { CLIENT_NAMES } from './client-names';
import type { Prng } from './prng';

export type BalanceProfile = 'depleted' | 'low' | 'large' | 'steady';

export interface ClientSetup {
  index: number;
  id: string;
  name: string;
  invoicePrefix: string;
  tier: string;
  /** Day of the month (1–28) on which the client's plan renews. */
  anchorDay: number;
  profile: BalanceProfile;
  /** Share of the plan allocation the client uses in an average cycle. */
  usageRate: number;
  buysTopUps: boolean;
  autoReload: AutoReload;
}

export const SEEDED_CLIENT_COUNT = 25;

const RELOAD_PACK_BY_TIER: Record<string, string> = {
  starter: 'pack_5k',
  growth: 'pack_10k',
  scale: 'pack_25k',
};

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function pickTier(rng: Prng, profile: BalanceProfile): string {
  const roll = rng.next();
  if (profile === 'large') return roll < 0.6 ? 'starter' : 'growth';
  if (roll < 0.45) return 'starter';
  return roll < 0.85 ? 'growth' : 'scale';
}

function pickUsageRate(rng: Prng, profile: BalanceProfile): number {
  switch (profile) {
    case 'depleted':
      return 1.3 + rng.next() * 0.3;
    case 'low':
      return 0.75 + rng.next() * 0.1;
    case 'large':
      return 0.3 + rng.next() * 0.2;
    case 'steady':
      return 0.55 + rng.next() * 0.6;
  }
}

function pickAutoReload(rng: Prng, profile: BalanceProfile, tier: string): AutoReload {
  const packId = RELOAD_PACK_BY_TIER[tier] ?? 'pack_5k';
  const allocation = planByTier(tier).tokens_per_cycle;
  const threshold = Math.round((allocation * rng.pick([0.1, 0.15, 0.2])) / 500) * 500;
  if (profile === 'steady' && rng.chance(0.45)) return { enabled: true, threshold, pack_id: packId };
  // Some clients had auto reload once and switched it off; their old settings are still on file.
  return rng.chance(0.3)
    ? { enabled: false, threshold, pack_id: packId }
    : { enabled: false, threshold: 0, pack_id: null };
}

export function planClientSetups(rng: Prng, count = SEEDED_CLIENT_COUNT): ClientSetup[] {
  const names = rng.shuffle(CLIENT_NAMES).slice(0, count);
  const fixedProfiles: BalanceProfile[] = ['depleted', 'low', 'low', 'large', 'large'];
  const profiles = rng.shuffle(
    Array.from({ length: count }, (_, i) => fixedProfiles[i] ?? ('steady' as BalanceProfile)),
  );
  const prefixes = new Set<string>();
  return names.map((name, index) => {
    const invoicePrefix = uniqueInvoicePrefix(name, prefixes);
    prefixes.add(invoicePrefix);
    const profile = profiles[index] ?? 'steady';
    const tier = pickTier(rng, profile);
    const autoReload = pickAutoReload(rng, profile, tier);
    return {
      index,
      id: `cl_${slug(name)}`,
      name,
      invoicePrefix,
      tier,
      anchorDay: rng.int(1, 28),
      profile,
      usageRate: pickUsageRate(rng, profile),
      buysTopUps: profile === 'large' || (profile === 'steady' && !autoReload.enabled && rng.chance(0.7)),
      autoReload,
    };
  });
}
