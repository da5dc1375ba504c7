/**
 * The seeded demo's usage has shapes the dashboard and forecast can find (weekly rhythms, campaigns, trends,
 * clients buying packs every cycle, clients wasting plan tokens), while the clients themselves and the balance
 * each profile promises stay exactly what the app's other tests rely on.
 */
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/api/billing-api';
import { isLowBalance } from '../../../shared/domain/balance';
import { replayEntries } from '../../../shared/domain/token-replay';
import { planByTier } from '../../../sandbox/seed/catalog';
import { DEFAULT_SEED, seedClients, type SeededClient } from '../../../sandbox/seed/seed-store';

/** The clock the sandbox integration tests seed with. */
const NOW = new Date('2026-06-15T14:30:00.000Z');
const TODAY = NOW.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
const seeded = seedClients({ seed: DEFAULT_SEED, now: NOW });

/** Tokens used on each complete day from the first entry's day, 0 on days without usage. */
function dailyUsage({ history }: SeededClient): { weekday: number; tokens: number }[] {
  const used = new Map<string, number>();
  for (const entry of history.entries) {
    if (entry.type === 'usage')
      used.set(entry.at.slice(0, 10), (used.get(entry.at.slice(0, 10)) ?? 0) - entry.amount);
  }
  const days: { weekday: number; tokens: number }[] = [];
  const first = Date.parse(`${history.entries[0]?.at.slice(0, 10) ?? TODAY}T00:00:00Z`);
  for (let at = first; new Date(at).toISOString().slice(0, 10) < TODAY; at += DAY_MS) {
    const date = new Date(at);
    days.push({ weekday: date.getUTCDay(), tokens: used.get(date.toISOString().slice(0, 10)) ?? 0 });
  }
  return days;
}

/** Entries of each cycle, from its plan allocation to the expiry that closes it (the renewal writes that first). */
function cycles({ history }: SeededClient): LedgerEntry[][] {
  const result: LedgerEntry[][] = [];
  for (const entry of history.entries) {
    if (entry.type === 'plan_allocation' || result.length === 0) result.push([]);
    result[result.length - 1]?.push(entry);
  }
  return result;
}

function lastCompleteCycles(client: SeededClient, count: number): LedgerEntry[][] {
  return cycles(client).slice(0, -1).slice(-count);
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function allocationOf(client: SeededClient): number {
  return planByTier(client.setup.tier).tokens_per_cycle;
}

describe('seeded clients', () => {
  it('keeps every client, id, invoice prefix, tier, renewal day, profile and Auto Reload setting', () => {
    const described = seeded.map(({ setup }) => {
      const reload = setup.autoReload;
      const reloadText = `${reload.enabled ? 'on' : 'off'} ${reload.threshold} ${reload.pack_id ?? '-'}`;
      return `${setup.id} ${setup.invoicePrefix} ${setup.tier} ${setup.anchorDay} ${setup.profile} ${reloadText}`;
    });
    expect(described).toEqual([
      'cl_maple-street-bistro MSB starter 9 steady on 1000 pack_5k',
      'cl_evergreen-landscaping EL starter 19 steady off 0 -',
      'cl_copperleaf-coffee-roasters CCR starter 2 steady off 0 -',
      'cl_keystone-insurance-agency KIA scale 28 steady off 0 -',
      'cl_golden-gate-plumbing GGP growth 20 depleted off 7500 pack_10k',
      'cl_meadowbrook-veterinary MV starter 5 large off 0 -',
      'cl_velvet-fox-boutique VFB scale 24 steady off 0 -',
      'cl_tidewater-kayak-tours TKT starter 16 large off 0 -',
      'cl_highland-yoga-collective HYC starter 15 steady off 1000 pack_5k',
      'cl_ironclad-security-systems ISS scale 18 steady on 30000 pack_25k',
      'cl_riverbend-animal-rescue RAR starter 8 steady on 1000 pack_5k',
      'cl_summit-ridge-outfitters SRO growth 13 steady on 7500 pack_10k',
      'cl_silverline-auto-repair SAR growth 9 low off 5000 pack_10k',
      'cl_northwind-dental-group NDG growth 2 steady off 0 -',
      'cl_granite-state-roofing GSR starter 6 steady off 0 -',
      'cl_oakmont-wealth-partners OWP starter 28 steady on 1500 pack_5k',
      'cl_starlight-wedding-films SWF growth 16 steady off 5000 pack_10k',
      'cl_atlas-fitness-studios AFS starter 7 steady off 1500 pack_5k',
      'cl_harbor-pine-realty HPR starter 12 steady on 1000 pack_5k',
      'cl_crescent-moon-florist CMF scale 10 low off 40000 pack_25k',
      'cl_fernhill-organic-market FOM starter 28 steady off 0 -',
      'cl_urban-nest-interiors UNI growth 9 steady on 5000 pack_10k',
      'cl_pioneer-storage-solutions PSS growth 13 steady on 5000 pack_10k',
      'cl_bluebird-bakery-co BBC starter 12 steady off 1000 pack_5k',
      'cl_lumen-skin-clinic LSC growth 8 steady off 7500 pack_10k',
    ]);
  });

  it('ends each profile on the balance it promises: zero, low, or more than a whole allocation', () => {
    for (const client of seeded) {
      const { balance_plan: plan, balance_top_up: topUp } = client.history.record;
      const total = plan + topUp;
      if (client.setup.profile === 'depleted') expect(total, client.setup.id).toBe(0);
      if (client.setup.profile === 'low')
        expect(isLowBalance(total, allocationOf(client)), client.setup.id).toBe(true);
      if (client.setup.profile === 'large')
        expect(total, client.setup.id).toBeGreaterThan(allocationOf(client));
    }
  });

  it('writes ledgers that replay to each balance and fit one 1,000-entry page', () => {
    for (const { setup, history } of seeded) {
      const state = replayEntries(setup.id, history.entries);
      const topUp = state.topUps.reduce((sum, bucket) => sum + bucket.remaining, 0);
      expect({ plan: state.plan, topUp }, setup.id).toEqual({
        plan: history.record.balance_plan,
        topUp: history.record.balance_top_up,
      });
      expect(history.entries.length, setup.id).toBeLessThan(1_000);
    }
  });

  it('is the same data for the same seed and clock', () => {
    expect(seedClients({ seed: DEFAULT_SEED, now: NOW })).toEqual(seeded);
  });
});

describe('seeded usage shapes', () => {
  it('gives clients different weekly rhythms: quiet weekends for some, busy ones for others', () => {
    const weekendShares = seeded.map((client) => {
      const days = dailyUsage(client);
      const weekend = days.filter((d) => d.weekday === 0 || d.weekday === 6).map((d) => d.tokens);
      const weekdays = days.filter((d) => d.weekday !== 0 && d.weekday !== 6).map((d) => d.tokens);
      return mean(weekend) / mean(weekdays);
    });
    expect(weekendShares.some((share) => share < 0.4)).toBe(true);
    expect(weekendShares.some((share) => share >= 1)).toBe(true);
  });

  it('has campaign days at three times a client’s median day or more', () => {
    const spiky = seeded.filter((client) => {
      const tokens = dailyUsage(client).map((d) => d.tokens);
      return Math.max(...tokens) >= 3 * median(tokens) && median(tokens) > 0;
    });
    expect(spiky.length).toBeGreaterThan(0);
  });

  it('has clients growing and clients winding down over the months', () => {
    const ratios = seeded.map((client) => {
      const tokens = dailyUsage(client).map((d) => d.tokens);
      return mean(tokens.slice(-56)) / mean(tokens.slice(0, 56));
    });
    expect(ratios.some((ratio) => ratio >= 1.3)).toBe(true);
    expect(ratios.some((ratio) => ratio <= 1 / 1.3)).toBe(true);
  });

  it('has a client buying packs in each of the last three cycles', () => {
    const buyers = seeded.filter((client) =>
      lastCompleteCycles(client, 3).every((cycle) =>
        cycle.some((entry) => entry.type === 'top_up' || entry.type === 'auto_reload'),
      ),
    );
    expect(buyers.length).toBeGreaterThan(0);
  });

  it('has a client ending each of the last three cycles with over a quarter of its plan unused', () => {
    const wasters = seeded.filter((client) =>
      lastCompleteCycles(client, 3).every((cycle) => {
        const expired = -(cycle.find((entry) => entry.type === 'plan_expiry')?.amount ?? 0);
        return expired > 0.25 * allocationOf(client);
      }),
    );
    expect(wasters.length).toBeGreaterThan(0);
  });
});
