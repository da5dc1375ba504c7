import type { Client, Me, Pack, Plan } from '../../../shared/api/billing-api';
import { isLowBalance } from '../../../shared/domain/balance';
import type { Account, ClientDetail, ClientSummary, PackModel, PlanModel } from '../../../shared/ipc/models';

/** Wire format (snake_case, as cached) to the app's model (camelCase). */
export function toClientSummary(client: Client): ClientSummary {
  return {
    id: client.id,
    name: client.name,
    planTier: client.plan.tier,
    planName: client.plan.name,
    tokensPerCycle: client.plan.tokens_per_cycle,
    renewalDate: client.renewal_date,
    balance: { total: client.balance.total, plan: client.balance.plan, topUp: client.balance.top_up },
    lowBalance: isLowBalance(client.balance.total, client.plan.tokens_per_cycle),
    updatedAt: client.updated_at,
  };
}

export function toClientDetail(client: Client): ClientDetail {
  return {
    ...toClientSummary(client),
    planPrice: client.plan.price,
    cycleStart: client.cycle_start,
    autoReload: {
      enabled: client.auto_reload.enabled,
      threshold: client.auto_reload.threshold,
      packId: client.auto_reload.pack_id,
    },
  };
}

export function toAccount(me: Me): Account {
  return {
    agencyName: me.agency.name,
    userName: me.user.name,
    userEmail: me.user.email,
    card: me.card
      ? { brand: me.card.brand, last4: me.card.last4, expMonth: me.card.exp_month, expYear: me.card.exp_year }
      : null,
  };
}

export function toPackModel(pack: Pack): PackModel {
  return { id: pack.id, tokens: pack.tokens, price: pack.price };
}

export function toPlanModel(plan: Plan): PlanModel {
  return { tier: plan.tier, name: plan.name, tokensPerCycle: plan.tokens_per_cycle, price: plan.price };
}
