/**
 * One client's books while the seed writes its history: the token state, the
 * ledger entries it produced and the invoices behind plan renewals and top-ups.
 * Every balance change goes through the shared token-ledger rules.
 */
import type { LedgerEntry, Pack, Plan } from '../../shared/api/billing-api';
import { formatCalendarDate, formatInteger } from '../../shared/domain/format';
import { formatInvoiceNumber } from '../../shared/domain/invoice-number';
import {
  addTopUp,
  adjust,
  balanceOf,
  emptyTokenState,
  recordUsage,
  resetCycle,
  type Applied,
  type TokenState,
  type TopUpKind,
} from '../../shared/domain/token-ledger';
import type { InvoiceRecord } from '../store/invoice-repository';
import { isoDate } from './calendar';
import type { ClientSetup } from './client-setups';
import type { Prng } from './prng';

export interface ClientBook {
  readonly state: TokenState;
  readonly entries: readonly LedgerEntry[];
  readonly invoices: readonly InvoiceRecord[];
  readonly lastAt: Date | null;
  total(): number;
  renew(plan: Plan, cycleStart: Date, cycleEnd: Date): void;
  /** Usage beyond the balance takes what is left, as a client's jobs would until they stop. */
  use(tokens: number, at: Date, description: string): void;
  topUp(kind: TopUpKind, pack: Pack, at: Date): void;
  credit(tokens: number, at: Date, description: string): void;
}

export function createClientBook(setup: ClientSetup, rng: Prng): ClientBook {
  let state = emptyTokenState(setup.id);
  const entries: LedgerEntry[] = [];
  const invoices: InvoiceRecord[] = [];
  let lastAt: Date | null = null;

  // Seeded events are planned independently (an auto reload a few seconds after a usage may pass the next
  // usage); clamping keeps the ledger's timestamps in seq order.
  const when = (at: Date): Date => (lastAt && at.getTime() < lastAt.getTime() ? lastAt : at);
  const apply = (applied: Applied, at: Date): void => {
    state = applied.state;
    entries.push(...applied.entries);
    lastAt = at;
  };

  const invoice = (
    at: Date,
    description: string,
    line: InvoiceRecord['lines'][number],
    topUpId: string | null,
  ) => {
    const id = `in_${rng.token(24)}`;
    invoices.push({
      id,
      client_id: setup.id,
      number: formatInvoiceNumber(setup.invoicePrefix, invoices.length + 1),
      created_at: at.toISOString(),
      description,
      amount: line.amount,
      status: 'paid',
      lines: [line],
      top_up_id: topUpId,
    });
    return id;
  };

  return {
    get state() {
      return state;
    },
    entries,
    invoices,
    get lastAt() {
      return lastAt;
    },
    total: () => balanceOf(state).total,

    renew(plan, cycleStart, cycleEnd) {
      const at = when(cycleStart);
      const period = `${formatCalendarDate(isoDate(cycleStart))} – ${formatCalendarDate(isoDate(cycleEnd))}`;
      const invoiceId = invoice(
        at,
        `${plan.name} plan renewal`,
        {
          description: `${plan.name} plan, ${period}`,
          quantity: 1,
          amount: plan.price,
          unit_amount: plan.price,
          pack_id: null,
          tokens: plan.tokens_per_cycle,
        },
        null,
      );
      apply(
        resetCycle(state, {
          tokens: plan.tokens_per_cycle,
          at: at.toISOString(),
          invoiceId,
          description: `${plan.name} plan allocation for ${period}`,
        }),
        at,
      );
    },

    use(tokens, requestedAt, description) {
      const at = when(requestedAt);
      const available = balanceOf(state).total;
      const amount = Math.min(tokens, available);
      if (amount <= 0) return;
      const outcome = recordUsage(state, { tokens: amount, at: at.toISOString(), description });
      if (!outcome.ok) throw new Error(`Seed usage refused: ${JSON.stringify(outcome.refusal)}`);
      apply(outcome, at);
    },

    topUp(kind, pack, requestedAt) {
      const at = when(requestedAt);
      const topUpId = `tu_${rng.token(16)}`;
      const label = kind === 'auto_reload' ? 'Auto reload' : 'Top-up';
      const tokens = formatInteger(pack.tokens);
      const invoiceId = invoice(
        at,
        `${label}: ${tokens} tokens`,
        {
          description: `${tokens} token pack`,
          quantity: 1,
          amount: pack.price,
          unit_amount: pack.price,
          pack_id: pack.id,
          tokens: pack.tokens,
        },
        topUpId,
      );
      apply(addTopUp(state, { topUpId, kind, tokens: pack.tokens, at: at.toISOString(), invoiceId }), at);
    },

    credit(tokens, requestedAt, description) {
      const at = when(requestedAt);
      const outcome = adjust(state, { amount: tokens, bucket: 'plan', at: at.toISOString(), description });
      if (!outcome.ok) throw new Error(`Seed credit refused: ${JSON.stringify(outcome.refusal)}`);
      apply(outcome, at);
    },
  };
}
