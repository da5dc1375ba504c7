/**
 * A year of one client's credit log for the insights bench, made by the real token rules: a monthly renewal
 * on the client's own day (unused plan tokens expire, the allocation lands), usage all day long with a weekly
 * rhythm, Auto Reloads or manual top-ups when the balance runs low, and blocked submissions for clients that
 * run dry before they buy. Time follows the entry count, so every client's log spans the same year and ends
 * just before INSIGHT_NOW, which is the "now" the bench asks the insights at.
 */
import type { InsufficientTokens, LedgerEntry, Pack, Plan } from '../../shared/api/billing-api';
import {
  addTopUp,
  balanceOf,
  emptyTokenState,
  recordBlocked,
  recordUsage,
  resetCycle,
  type Applied,
  type TokenState,
} from '../../shared/domain/token-ledger';
import { PACKS, PLANS } from '../../sandbox/seed/catalog';
import { pageEntries, random } from './ledger-generator';

export const INSIGHT_NOW = new Date('2026-03-15T12:00:00.000Z');
const DAY_MS = 86_400_000;
// An hour short of a year, so the last entry lands before "now" and today's partial day stays out of forecasts.
const SPAN_MS = 365 * DAY_MS - 3_600_000;
/** Nearly every entry is a usage (renewals and purchases are a few a month), so a cycle holds about this share. */
const CYCLE_SHARE_OF_YEAR = 30.44 / 365;
const WEEKDAY = [0.45, 1.1, 1.2, 1.2, 1.15, 1.05, 0.5];
/** A manager who buys by hand notices a blocked client after a few refusals. */
const MANUAL_BUY_CHANCE = 0.15;

export type Buyer = 'auto_reload' | 'top_up' | 'never';

export interface InsightProfile {
  plan: Plan;
  pack: Pack;
  /** Day of the month the cycle renews (1–28, so every month has it). */
  anchorDay: number;
  /** Usage per cycle as a share of the allocation: above 1 the client needs top-ups. */
  usageShare: number;
  buyer: Buyer;
  /** Auto Reloads allowed per cycle, or null for no cap. */
  monthlyLimit: number | null;
}

/** The client's cycle and what blocks it now, as the billing service would report them. */
export interface InsightYearEnd {
  cycleStart: string;
  renewalDate: string;
  blocked: InsufficientTokens | null;
}

const pick = <T>(items: readonly T[], roll: number): T => items[Math.floor(roll * items.length)] as T;

/** A realistic mix: most clients reload automatically, some buy by hand, a few overpay for their plan. */
export function insightProfile(n: number): InsightProfile {
  const rand = random(1_000 + n);
  const roll = rand();
  const buyer: Buyer = roll < 0.6 ? 'auto_reload' : roll < 0.88 ? 'top_up' : 'never';
  const heavyNonBuyer = buyer === 'never' && rand() < 0.2;
  const usageShare =
    buyer === 'never' ? (heavyNonBuyer ? 1.1 + rand() * 0.3 : 0.3 + rand() * 0.6) : 0.7 + rand() * 1.1;
  return {
    plan: pick(PLANS, rand()),
    pack: pick(PACKS.slice(1), rand()),
    anchorDay: 1 + Math.floor(rand() * 28),
    usageShare,
    buyer,
    monthlyLimit: rand() < 0.3 ? 2 + Math.floor(rand() * 4) : null,
  };
}

/** The first renewal strictly after `ms`, on the client's day of the month. */
function renewalAfter(ms: number, anchorDay: number): number {
  const at = new Date(ms);
  const sameMonth = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), anchorDay);
  return sameMonth > ms ? sameMonth : Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, anchorDay);
}

const monthBefore = (ms: number) => {
  const at = new Date(ms);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, at.getUTCDate());
};
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `entries` entries for one client, a page at a time; returns the client's cycle and blocked state. */
export function* insightLedgerPages(
  clientId: string,
  profile: InsightProfile,
  entries: number,
  pageSize: number,
  yearEndsAt: Date = INSIGHT_NOW,
): Generator<LedgerEntry[], InsightYearEnd> {
  const rand = random(7 + entries + profile.anchorDay * 31 + Math.round(profile.usageShare * 1_000));
  const start = yearEndsAt.getTime() - SPAN_MS;
  const step = SPAN_MS / entries;
  const allocation = profile.plan.tokens_per_cycle;
  const meanUse = (allocation * profile.usageShare) / (entries * CYCLE_SHARE_OF_YEAR);
  let renewal = renewalAfter(start, profile.anchorDay);
  let state: TokenState = emptyTokenState(clientId);
  let blocked: InsufficientTokens | null = null;
  let reloads = 0;
  let op = 0;
  const page: LedgerEntry[] = [];
  const grant = (at: number) =>
    resetCycle(state, {
      at: new Date(at).toISOString(),
      tokens: allocation,
      invoiceId: `in_${clientId}_${op}`,
    });

  let applied: Applied = grant(start);
  for (;;) {
    state = applied.state;
    yield* pageEntries(page, applied.entries, entries, pageSize);
    if (state.seq >= entries) break;
    op += 1;
    const atMs = start + state.seq * step;
    const at = new Date(atMs).toISOString();
    const total = balanceOf(state).total;
    if (atMs >= renewal) {
      applied = grant(renewal);
      renewal = renewalAfter(renewal, profile.anchorDay);
      reloads = 0;
    } else if (
      profile.buyer === 'auto_reload' &&
      total < allocation * 0.1 &&
      (profile.monthlyLimit === null || reloads < profile.monthlyLimit)
    ) {
      reloads += 1;
      applied = buy(state, 'auto_reload', at, `${clientId}_${op}`, profile.pack.tokens);
      blocked = null;
    } else if (profile.buyer === 'top_up' && blocked && rand() < MANUAL_BUY_CHANCE) {
      applied = buy(state, 'top_up', at, `${clientId}_${op}`, profile.pack.tokens);
      blocked = null;
    } else {
      const weekday = WEEKDAY[new Date(atMs).getUTCDay()] ?? 1;
      const tokens = Math.max(1, Math.round(meanUse * weekday * (0.4 + 1.2 * rand())));
      const ctx = { at, tokens, description: `Draft #${op}`, submissionId: `sub_${clientId}_${op}` };
      const used = recordUsage(state, ctx);
      if (used.ok) {
        applied = used;
        blocked = null;
      } else {
        applied = recordBlocked(state, ctx);
        blocked = {
          submission_id: ctx.submissionId,
          tokens_requested: tokens,
          shortfall: tokens - total,
          at,
          description: ctx.description,
        };
      }
    }
  }
  if (page.length > 0) yield page;
  return { cycleStart: isoDay(monthBefore(renewal)), renewalDate: isoDay(renewal), blocked };
}

function buy(state: TokenState, kind: 'auto_reload' | 'top_up', at: string, id: string, tokens: number) {
  return addTopUp(state, { at, topUpId: `tu_${id}`, kind, tokens, invoiceId: `in_${id}` });
}
