/**
 * The token rules of a client's balance, as pure functions over an immutable state.
 *
 * A balance is made of buckets: one plan bucket (refilled each cycle, its leftovers
 * expire at the reset) and one bucket per top-up (never expires). Usage drains the
 * plan bucket first, then top-ups oldest first. Every operation yields the ledger
 * entries that record it; each entry touches exactly one bucket, so the plan/top-up
 * split can always be rebuilt from the entries alone.
 */
import type { Bucket, LedgerEntry, LedgerEntryType } from '../api/billing-api';
import type { UnknownValue } from '../api/open-enum';
import { formatInteger } from './format';

export type TopUpKind = 'top_up' | 'auto_reload';

export interface TopUpBucket {
  readonly id: string;
  /** The entry type that created the bucket: a purchase, or a kind of credit a newer billing API added. */
  readonly kind: TopUpKind | UnknownValue;
  readonly remaining: number;
}

export interface TokenState {
  readonly clientId: string;
  /** Sequence number of the last entry written for this client (0 before any). */
  readonly seq: number;
  readonly plan: number;
  /** Oldest first; emptied buckets are dropped. */
  readonly topUps: readonly TopUpBucket[];
}

export interface Applied {
  readonly state: TokenState;
  readonly entries: readonly LedgerEntry[];
}

export interface InsufficientBalance {
  readonly kind: 'insufficient_balance';
  readonly bucket: Bucket | 'any';
  readonly requested: number;
  readonly available: number;
}

export type Outcome =
  ({ readonly ok: true } & Applied) | { readonly ok: false; readonly refusal: InsufficientBalance };

export interface EntryContext {
  /** ISO date-time of the operation. */
  readonly at: string;
  readonly description?: string;
  readonly invoiceId?: string | null;
  readonly submissionId?: string | null;
}

export interface BalanceSplit {
  readonly total: number;
  readonly plan: number;
  readonly top_up: number;
}

export function emptyTokenState(clientId: string): TokenState {
  return { clientId, seq: 0, plan: 0, topUps: [] };
}

export function topUpBalance(state: TokenState): number {
  return state.topUps.reduce((sum, bucket) => sum + bucket.remaining, 0);
}

export function balanceOf(state: TokenState): BalanceSplit {
  const topUp = topUpBalance(state);
  return { total: state.plan + topUp, plan: state.plan, top_up: topUp };
}

/** Rebuilds the balance split from ledger entries, as any reader of the ledger can. */
export function balanceFromEntries(entries: readonly Pick<LedgerEntry, 'amount' | 'bucket'>[]): BalanceSplit {
  let plan = 0;
  let topUp = 0;
  for (const entry of entries) {
    if (entry.bucket === 'plan') plan += entry.amount;
    else topUp += entry.amount;
  }
  return { total: plan + topUp, plan, top_up: topUp };
}

export function ledgerEntryId(clientId: string, seq: number): string {
  return `led_${clientId}_${seq}`;
}

function requirePositiveTokens(tokens: number, what: string): void {
  if (!Number.isSafeInteger(tokens) || tokens <= 0) {
    throw new RangeError(`${what} must be a positive whole number of tokens, got ${tokens}`);
  }
}

interface Change {
  readonly type: LedgerEntryType;
  readonly amount: number;
  readonly bucket: Bucket;
  readonly topUpId: string | null;
  readonly description: string;
}

/** Turns bucket changes into entries with increasing seq and the running balance. */
function record(
  before: TokenState,
  after: Omit<TokenState, 'seq'>,
  changes: Change[],
  ctx: EntryContext,
): Applied {
  let seq = before.seq;
  let running = before.plan + topUpBalance(before);
  const entries = changes.map((change): LedgerEntry => {
    seq += 1;
    running += change.amount;
    return {
      id: ledgerEntryId(before.clientId, seq),
      client_id: before.clientId,
      seq,
      at: ctx.at,
      type: change.type,
      amount: change.amount,
      balance_after: running,
      bucket: change.bucket,
      top_up_id: change.topUpId,
      invoice_id: ctx.invoiceId ?? null,
      submission_id: ctx.submissionId ?? null,
      description: ctx.description ?? change.description,
    };
  });
  return { state: { ...after, seq }, entries };
}

export function grantPlanAllocation(state: TokenState, input: EntryContext & { tokens: number }): Applied {
  requirePositiveTokens(input.tokens, 'A plan allocation');
  return record(
    state,
    { ...state, plan: state.plan + input.tokens },
    [
      {
        type: 'plan_allocation',
        amount: input.tokens,
        bucket: 'plan',
        topUpId: null,
        description: `Plan allocation of ${formatInteger(input.tokens)} tokens`,
      },
    ],
    input,
  );
}

/** A new cycle: unused plan tokens expire, then the new allocation lands. Top-ups are untouched. */
export function resetCycle(
  state: TokenState,
  input: EntryContext & { tokens: number; expiryDescription?: string },
): Applied {
  if (state.plan === 0) return grantPlanAllocation(state, input);
  const expired = record(
    state,
    { ...state, plan: 0 },
    [
      {
        type: 'plan_expiry',
        amount: -state.plan,
        bucket: 'plan',
        topUpId: null,
        description: input.expiryDescription ?? 'Unused plan tokens expired at renewal',
      },
    ],
    { ...input, description: undefined, invoiceId: null },
  );
  const granted = grantPlanAllocation(expired.state, input);
  return { state: granted.state, entries: [...expired.entries, ...granted.entries] };
}

export function addTopUp(
  state: TokenState,
  input: EntryContext & { topUpId: string; kind: TopUpKind; tokens: number },
): Applied {
  requirePositiveTokens(input.tokens, 'A top-up');
  if (state.topUps.some((bucket) => bucket.id === input.topUpId)) {
    throw new RangeError(`Top-up ${input.topUpId} was already added`);
  }
  const label = input.kind === 'auto_reload' ? 'Auto reload' : 'Top-up';
  return record(
    state,
    { ...state, topUps: [...state.topUps, { id: input.topUpId, kind: input.kind, remaining: input.tokens }] },
    [
      {
        type: input.kind,
        amount: input.tokens,
        bucket: 'top_up',
        topUpId: input.topUpId,
        description: `${label} of ${formatInteger(input.tokens)} tokens`,
      },
    ],
    input,
  );
}

/** Drains top-up buckets oldest first; the caller has checked there is enough. */
export function drainTopUps(topUps: readonly TopUpBucket[], tokens: number): TopUpBucket[] {
  let left = tokens;
  const result: TopUpBucket[] = [];
  for (const bucket of topUps) {
    const taken = Math.min(bucket.remaining, left);
    left -= taken;
    if (bucket.remaining > taken) result.push({ ...bucket, remaining: bucket.remaining - taken });
  }
  return result;
}

/** Usage larger than the whole balance is refused outright: no partial debit. */
export function recordUsage(state: TokenState, input: EntryContext & { tokens: number }): Outcome {
  requirePositiveTokens(input.tokens, 'Usage');
  const available = state.plan + topUpBalance(state);
  if (input.tokens > available) {
    return {
      ok: false,
      refusal: { kind: 'insufficient_balance', bucket: 'any', requested: input.tokens, available },
    };
  }
  const fromPlan = Math.min(state.plan, input.tokens);
  const fromTopUps = input.tokens - fromPlan;
  const description = `Usage of ${formatInteger(input.tokens)} tokens`;
  const changes: Change[] = [];
  if (fromPlan > 0) {
    changes.push({ type: 'usage', amount: -fromPlan, bucket: 'plan', topUpId: null, description });
  }
  if (fromTopUps > 0) {
    changes.push({ type: 'usage', amount: -fromTopUps, bucket: 'top_up', topUpId: null, description });
  }
  const after = { ...state, plan: state.plan - fromPlan, topUps: drainTopUps(state.topUps, fromTopUps) };
  return { ok: true, ...record(state, after, changes, input) };
}

/**
 * A refused usage leaves a zero-amount "blocked" entry: no bucket changes, but the credit log, the one place
 * that explains a balance, shows what was not run and why.
 */
export function recordBlocked(state: TokenState, input: EntryContext & { tokens: number }): Applied {
  requirePositiveTokens(input.tokens, 'A blocked usage');
  const description = `Blocked: ${formatInteger(input.tokens)} tokens needed, ${formatInteger(state.plan + topUpBalance(state))} left`;
  return record(
    state,
    state,
    [{ type: 'blocked', amount: 0, bucket: 'plan', topUpId: null, description }],
    input,
  );
}

interface CreditInput extends EntryContext {
  tokens: number;
  bucket: Bucket;
  /** Which top-up the tokens go to (or come from); a spent top-up comes back as a new bucket. */
  topUpId?: string;
}

/** Adds `delta` to one top-up bucket, dropping it once empty and re-creating it if it was spent. */
export function changeTopUp(
  topUps: readonly TopUpBucket[],
  id: string,
  delta: number,
  kind: TopUpBucket['kind'] = 'top_up',
): TopUpBucket[] {
  const exists = topUps.some((bucket) => bucket.id === id);
  const changed = exists
    ? topUps.map((b) => (b.id === id ? { ...b, remaining: b.remaining + delta } : b))
    : [...topUps, { id, kind, remaining: delta }];
  return changed.filter((bucket) => bucket.remaining > 0);
}

function change(
  state: TokenState,
  type: 'refund' | 'adjustment',
  amount: number,
  input: CreditInput,
): Applied {
  const label = type === 'refund' ? 'Refund' : 'Adjustment';
  const topUpId = input.bucket === 'top_up' ? (input.topUpId ?? null) : null;
  let after: Omit<TokenState, 'seq'>;
  if (input.bucket === 'plan') after = { ...state, plan: state.plan + amount };
  else if (topUpId) after = { ...state, topUps: changeTopUp(state.topUps, topUpId, amount) };
  else if (amount < 0) after = { ...state, topUps: drainTopUps(state.topUps, -amount) };
  else throw new RangeError('Crediting the top-up bucket needs a topUpId');
  const description = `${label} of ${formatInteger(amount)} tokens`;
  return record(state, after, [{ type, amount, bucket: input.bucket, topUpId, description }], input);
}

export function refund(state: TokenState, input: CreditInput): Applied {
  requirePositiveTokens(input.tokens, 'A refund');
  return change(state, 'refund', input.tokens, input);
}

/**
 * A manual correction: positive amounts credit like a refund; negative ones debit
 * one bucket (a named top-up, or top-ups oldest first) and are refused whole if
 * that bucket holds less.
 */
export function adjust(state: TokenState, input: Omit<CreditInput, 'tokens'> & { amount: number }): Outcome {
  if (!Number.isSafeInteger(input.amount) || input.amount === 0) {
    throw new RangeError(`An adjustment must be a non-zero whole number of tokens, got ${input.amount}`);
  }
  const tokens = -input.amount;
  const source = input.topUpId ? state.topUps.filter((b) => b.id === input.topUpId) : state.topUps;
  const available = input.bucket === 'plan' ? state.plan : source.reduce((sum, b) => sum + b.remaining, 0);
  if (tokens > available) {
    return {
      ok: false,
      refusal: { kind: 'insufficient_balance', bucket: input.bucket, requested: tokens, available },
    };
  }
  return {
    ok: true,
    ...change(state, 'adjustment', input.amount, { ...input, tokens: Math.abs(input.amount) }),
  };
}
