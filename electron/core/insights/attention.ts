/**
 * Why a client needs the manager now, as dashboard rows: one per client and
 * reason, in the words the row shows. Ranked so what already stops work comes
 * first, then what will, then money left on the table.
 */
import type { Client, Pack } from '../../../shared/api/billing-api';
import { formatCalendarDate, formatDateTime, formatMoney, formatTokens } from '../../../shared/domain/format';
import { recommendPack } from '../../../shared/domain/forecast/runway';
import type { AttentionReason, AttentionRow, RunwayForecastModel } from '../../../shared/ipc/insight-models';
import type { Purchase } from '../../../shared/ipc/purchase-models';

/** Plan tokens left at the renewal above this share of the allocation are worth a plan review. */
export const PLAN_WASTE_SHARE = 0.25;
/** Points in a row's sparkline: about a month is enough to see the trend. */
const SPARKLINE_DAYS = 31;

const URGENCY: Record<AttentionReason, number> = {
  blocked: 0,
  unconfirmed_purchase: 1,
  auto_reload_stopped: 2,
  runs_out: 3,
  plan_waste: 4,
};

export interface ClientFacts {
  client: Client;
  forecast: RunwayForecastModel;
  openPurchase: Purchase | null;
  /** Auto Reloads charged since the cycle began, against its monthly limit. */
  autoReloadsThisCycle: number;
}

export interface AgencyFacts {
  cardDeclined: boolean;
  packs: readonly Pack[];
}

// Made once: building a NumberFormat takes tens of microseconds, and the dashboard formats a row per client.
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

function percent(share: number): string {
  return PERCENT.format(share);
}

export interface RankedRow {
  row: AttentionRow;
  /** Lower is more urgent among rows of the same reason. */
  sortKey: number;
}

export function attentionRows(facts: ClientFacts, agency: AgencyFacts): RankedRow[] {
  const { client, forecast, openPurchase, autoReloadsThisCycle } = facts;
  const runway = forecast.projection.slice(0, SPARKLINE_DAYS).map((day) => day.plan + day.topUp);
  const base = { clientId: client.id, clientName: client.name, packId: null, purchaseId: null, runway };
  const rows: RankedRow[] = [];
  const blocked = client.insufficient_tokens;
  const shortfall = blocked ? blocked.tokens_requested - client.balance.total : 0;
  if (blocked && shortfall > 0) {
    rows.push({
      sortKey: -shortfall,
      row: {
        ...base,
        reason: 'blocked',
        title: `Blocked — ${formatTokens(shortfall)} short`,
        detail: `“${blocked.description}” needed ${formatTokens(blocked.tokens_requested)} on ${formatDateTime(blocked.at)}`,
        // A refused submission is short by at least a token, whatever the balance has done since.
        packId: recommendPack(agency.packs, Math.max(1, shortfall))?.pack.id ?? null,
      },
    });
  }
  if (openPurchase) {
    rows.push({
      sortKey: Date.parse(openPurchase.createdAt),
      row: {
        ...base,
        reason: 'unconfirmed_purchase',
        title: 'Purchase not confirmed yet',
        detail: `${formatTokens(openPurchase.tokens)} for ${formatMoney(openPurchase.amount)}, started ${formatDateTime(openPurchase.createdAt)}`,
        purchaseId: openPurchase.id,
      },
    });
  }
  const reload = client.auto_reload;
  const limit = reload.monthly_limit ?? null;
  const limitReached = limit !== null && autoReloadsThisCycle >= limit;
  if (reload.enabled && (agency.cardDeclined || limitReached)) {
    rows.push({
      sortKey: 0,
      row: {
        ...base,
        reason: 'auto_reload_stopped',
        title: 'Auto Reload stopped',
        detail: agency.cardDeclined
          ? "The agency's card was declined"
          : `Monthly limit of ${limit} reloads reached until ${formatCalendarDate(client.renewal_date)}`,
      },
    });
  }
  const zero = forecast.zeroDate.expected;
  if (zero !== null && rows.every(({ row }) => row.reason !== 'blocked')) {
    rows.push({
      sortKey: Date.parse(zero),
      row: {
        ...base,
        reason: 'runs_out',
        title: zero <= forecast.today ? 'Out of tokens now' : `Runs out on ${formatCalendarDate(zero)}`,
        detail: `Before its renewal on ${formatCalendarDate(client.renewal_date)}: about ${formatTokens(forecast.tokensNeeded)} more needed`,
        packId: forecast.recommendedPack?.pack.id ?? null,
      },
    });
  }
  if (forecast.basis !== 'none' && forecast.expiringShareOfAllocation > PLAN_WASTE_SHARE) {
    rows.push({
      sortKey: -forecast.expiringShareOfAllocation,
      row: {
        ...base,
        reason: 'plan_waste',
        title: 'Plan tokens likely to expire unused',
        detail: `About ${formatTokens(Math.round(forecast.planTokensExpiring.expected))} (${percent(
          forecast.expiringShareOfAllocation,
        )} of the plan) expire on ${formatCalendarDate(client.renewal_date)}`,
      },
    });
  }
  return rows;
}

/** Most urgent first; within a reason, the row with the least time or the most at stake. */
export function rankAttention(rows: readonly RankedRow[]): AttentionRow[] {
  return rows
    .toSorted((a, b) => URGENCY[a.row.reason] - URGENCY[b.row.reason] || a.sortKey - b.sortKey)
    .map(({ row }) => row);
}
