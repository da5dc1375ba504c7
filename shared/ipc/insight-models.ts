/**
 * What the app works out from the cache beyond the billing service's own numbers: a client's runway forecast,
 * plan advice, and the dashboard that ranks every client by what needs attention.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Money, TokenCount } from '../api/primitives';
import { PackModel } from './models';

const TokenRange = z.object({ low: z.number(), expected: z.number(), high: z.number() });

export const RunwayForecastModel = z.object({
  today: IsoDate,
  renewalDate: IsoDate,
  /** 'none': no usage yet; 'short': under a week of history, so the range is wide. */
  basis: z.enum(['none', 'short', 'full']),
  /** Tokens used on an average day. */
  dailyUsage: TokenRange,
  /** The day the balance reaches zero before the renewal (null: it lasts past the renewal). */
  zeroDate: z.object({
    expected: IsoDate.nullable(),
    earliest: IsoDate.nullable(),
    latest: IsoDate.nullable(),
  }),
  lastsPastRenewal: z.boolean(),
  /** Tokens to buy to reach the renewal with a buffer. */
  tokensNeeded: TokenCount,
  recommendedPack: z.object({ pack: PackModel, coversNeed: z.boolean() }).nullable(),
  /** Plan tokens expected to be left at the renewal, where they expire. */
  planTokensExpiring: TokenRange,
  expiringShareOfAllocation: z.number().nonnegative(),
  /** Expected end-of-day balance from today to the day before the renewal. */
  projection: z.array(z.object({ date: IsoDate, plan: TokenCount, topUp: TokenCount })),
});
export type RunwayForecastModel = z.infer<typeof RunwayForecastModel>;

export const PlanAdviceModel = z.object({
  kind: z.enum(['upgrade', 'downgrade', 'stay', 'not_enough_history']),
  /** The plan advised (the current one for 'stay'). */
  tier: z.string().nullable(),
  savingPerCycle: Money.nullable(),
  /** Plain sentences: what the history shows and what the change would save. */
  evidence: z.array(z.string()),
  cyclesConsidered: z.int().nonnegative(),
});
export type PlanAdviceModel = z.infer<typeof PlanAdviceModel>;

export const ClientInsights = z.object({
  clientId: Id,
  forecast: RunwayForecastModel,
  planAdvice: PlanAdviceModel,
});
export type ClientInsights = z.infer<typeof ClientInsights>;

/** A client's balance and usage per day, for the charts: aggregated in the core, never raw entries. */
export const ClientHistoryModel = z.object({
  clientId: Id,
  today: IsoDate,
  /** Every day of the period, oldest first; a day without entries carries the balance of the day before. */
  days: z.array(z.object({ day: IsoDate, plan: TokenCount, topUp: TokenCount, used: TokenCount })),
  /** Days a plan allocation was granted (the renewals) within the period. */
  renewals: z.array(IsoDate),
  /** The forecast's expected end-of-day balance from today to the day before the renewal. */
  projection: z.array(z.object({ date: IsoDate, plan: TokenCount, topUp: TokenCount })),
});
export type ClientHistoryModel = z.infer<typeof ClientHistoryModel>;

export const ATTENTION_REASONS = [
  'blocked',
  'unconfirmed_purchase',
  'auto_reload_stopped',
  'runs_out',
  'plan_waste',
] as const;
export const AttentionReason = z.enum(ATTENTION_REASONS);
export type AttentionReason = z.infer<typeof AttentionReason>;

export const AttentionRow = z.object({
  clientId: Id,
  clientName: z.string(),
  reason: AttentionReason,
  /** The reason in words: "Blocked — 2,000 tokens short", "Runs out on Dec 9, before its renewal on Dec 12". */
  title: z.string(),
  /** The key number, in words. */
  detail: z.string(),
  /** The pack a "Buy pack" action preselects. */
  packId: Id.nullable(),
  /** The open purchase a "Check again" action settles. */
  purchaseId: Id.nullable(),
  /** Projected end-of-day balance until the renewal, for the row's sparkline. */
  runway: z.array(TokenCount),
});
export type AttentionRow = z.infer<typeof AttentionRow>;

export const DashboardModel = z.object({
  today: IsoDate,
  /** Ranked by urgency: one row per client and reason. */
  attention: z.array(AttentionRow),
  clientCount: z.int().nonnegative(),
  /** Clients with no row above: fine until their renewal. */
  fineCount: z.int().nonnegative(),
  month: z.object({
    /** "2026-12" */
    month: z.string(),
    topUpSpend: Money.nullable(),
    planSpend: Money.nullable(),
    tokensBought: TokenCount,
    renewalsNext7Days: z.int().nonnegative(),
  }),
  /** When the numbers were last brought up to date with the billing service. */
  lastSyncedAt: IsoDateTime.nullable(),
});
export type DashboardModel = z.infer<typeof DashboardModel>;
