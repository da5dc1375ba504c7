import type { Card, Client, Me, Pack, Plan } from '../../../shared/api/billing-api';
import { isLowBalance } from '../../../shared/domain/balance';
import type { ClientListRow } from '../db/repositories/client-list-query';
import type { ClientSyncProblem } from '../db/repositories/sync-problems-repo';
import type {
  Account,
  ClientDetail,
  ClientSummary,
  PackModel,
  PlanModel,
  SavedCard,
} from '../../../shared/ipc/models';

/** Wire format (snake_case, as cached) to the app's model (camelCase). */
/** The one mapping to the list's model, from the narrow row the client list reads (its hot path). */
export function toClientSummary([
  id,
  name,
  planTier,
  planName,
  tokensPerCycle,
  renewalDate,
  total,
  plan,
  topUp,
  updatedAt,
  syncProblem,
  syncProblemAt,
  blockedTokens,
  blockedDescription,
]: ClientListRow): ClientSummary {
  return {
    id,
    name,
    planTier,
    planName,
    tokensPerCycle,
    renewalDate,
    balance: { total, plan, topUp },
    lowBalance: isLowBalance(total, tokensPerCycle),
    updatedAt,
    syncProblem:
      syncProblem !== null && syncProblemAt !== null ? { message: syncProblem, at: syncProblemAt } : null,
    blockedWork:
      blockedTokens !== null && blockedTokens > 0
        ? {
            description: blockedDescription ?? '',
            tokensRequested: blockedTokens,
            shortfall: Math.max(0, blockedTokens - total),
          }
        : null,
  };
}

function listRowOf(client: Client, problem: ClientSyncProblem | null): ClientListRow {
  const { balance, plan } = client;
  return [
    client.id,
    client.name,
    plan.tier,
    plan.name,
    plan.tokens_per_cycle,
    client.renewal_date,
    balance.total,
    balance.plan,
    balance.top_up,
    client.updated_at,
    problem?.message ?? null,
    problem?.at ?? null,
    client.insufficient_tokens?.tokens_requested ?? null,
    client.insufficient_tokens?.description ?? null,
  ];
}

export function toClientDetail(client: Client, problem: ClientSyncProblem | null): ClientDetail {
  return {
    ...toClientSummary(listRowOf(client, problem)),
    syncProblemDetails: problem?.details ?? null,
    planPrice: client.plan.price,
    cycleStart: client.cycle_start,
    autoReload: {
      enabled: client.auto_reload.enabled,
      threshold: client.auto_reload.threshold,
      packId: client.auto_reload.pack_id,
      monthlyLimit: client.auto_reload.monthly_limit ?? null,
    },
    insufficientTokens: client.insufficient_tokens
      ? {
          submissionId: client.insufficient_tokens.submission_id,
          tokensRequested: client.insufficient_tokens.tokens_requested,
          shortfall: client.insufficient_tokens.shortfall,
          at: client.insufficient_tokens.at,
          description: client.insufficient_tokens.description,
        }
      : null,
  };
}

export function toSavedCard(card: Card | null): SavedCard | null {
  return card
    ? { brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year }
    : null;
}

export function toAccount(me: Me, autoReloadClients: number): Account {
  return {
    agencyName: me.agency.name,
    userName: me.user.name,
    userEmail: me.user.email,
    card: toSavedCard(me.card),
    cardDeclined: me.card_declined ?? null,
    autoReloadClients,
  };
}

export function toPackModel(pack: Pack): PackModel {
  return { id: pack.id, tokens: pack.tokens, price: pack.price };
}

export function toPlanModel(plan: Plan): PlanModel {
  return { tier: plan.tier, name: plan.name, tokensPerCycle: plan.tokens_per_cycle, price: plan.price };
}
