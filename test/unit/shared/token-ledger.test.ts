import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerEntry } from '../../../shared/api/billing-api';
import {
  addTopUp,
  adjust,
  balanceFromEntries,
  balanceOf,
  emptyTokenState,
  grantPlanAllocation,
  recordUsage,
  refund,
  resetCycle,
  type Applied,
  type TokenState,
} from '../../../shared/domain/token-ledger';

const AT = '2026-03-01T09:00:00.000Z';

function applied(outcome: ReturnType<typeof recordUsage>): Applied {
  if (!outcome.ok) throw new Error(`unexpected refusal: ${JSON.stringify(outcome.refusal)}`);
  return outcome;
}

function funded(plan: number, topUps: number[]): TokenState {
  let state = grantPlanAllocation(emptyTokenState('cl_a'), { tokens: plan, at: AT }).state;
  topUps.forEach((tokens, i) => {
    state = addTopUp(state, { topUpId: `tu_${i}`, kind: 'top_up', tokens, at: AT }).state;
  });
  return state;
}

describe('token ledger', () => {
  it('grants a plan allocation into the plan bucket with a valid ledger entry', () => {
    const { state, entries } = grantPlanAllocation(emptyTokenState('cl_a'), {
      tokens: 10_000,
      at: AT,
      invoiceId: 'in_1',
    });
    expect(balanceOf(state)).toEqual({ total: 10_000, plan: 10_000, top_up: 0 });
    expect(entries).toHaveLength(1);
    const entry = LedgerEntry.parse(entries[0]);
    expect(entry).toMatchObject({
      seq: 1,
      type: 'plan_allocation',
      amount: 10_000,
      balance_after: 10_000,
      bucket: 'plan',
      invoice_id: 'in_1',
      description: 'Plan allocation of 10,000 tokens',
    });
  });

  it('expires unused plan tokens at a cycle reset but keeps top-ups', () => {
    const start = funded(10_000, [5_000]);
    const used = applied(recordUsage(start, { tokens: 4_000, at: AT })).state;
    const { state, entries } = resetCycle(used, { tokens: 10_000, at: '2026-04-01T00:00:00.000Z' });
    expect(entries.map((e) => [e.type, e.amount, e.balance_after])).toEqual([
      ['plan_expiry', -6_000, 5_000],
      ['plan_allocation', 10_000, 15_000],
    ]);
    expect(balanceOf(state)).toEqual({ total: 15_000, plan: 10_000, top_up: 5_000 });
  });

  it('adds a top-up that never changes the plan bucket', () => {
    const start = funded(10_000, []);
    const { state, entries } = addTopUp(start, {
      topUpId: 'tu_x',
      kind: 'auto_reload',
      tokens: 1_000,
      at: AT,
    });
    expect(state.plan).toBe(10_000);
    expect(entries[0]).toMatchObject({
      type: 'auto_reload',
      bucket: 'top_up',
      top_up_id: 'tu_x',
      amount: 1_000,
    });
    expect(() => addTopUp(state, { topUpId: 'tu_x', kind: 'top_up', tokens: 1, at: AT })).toThrow(RangeError);
  });

  it('uses the plan bucket first, then top-ups oldest first, splitting the entry per bucket', () => {
    const start = funded(1_000, [500, 700]);
    const { state, entries } = applied(recordUsage(start, { tokens: 1_800, at: AT }));
    expect(entries.map((e) => [e.bucket, e.amount, e.balance_after])).toEqual([
      ['plan', -1_000, 1_200],
      ['top_up', -800, 400],
    ]);
    expect(state.topUps).toEqual([{ id: 'tu_1', kind: 'top_up', remaining: 400 }]);
  });

  it('refuses a usage larger than the balance whole, leaving the state untouched', () => {
    const start = funded(1_000, [200]);
    const outcome = recordUsage(start, { tokens: 1_201, at: AT });
    expect(outcome).toEqual({
      ok: false,
      refusal: { kind: 'insufficient_balance', bucket: 'any', requested: 1_201, available: 1_200 },
    });
    expect(balanceOf(start).total).toBe(1_200);
  });

  it('refunds into the chosen bucket and refuses a negative adjustment beyond it', () => {
    const start = funded(1_000, [300]);
    const drained = applied(recordUsage(start, { tokens: 1_300, at: AT })).state;
    const back = refund(drained, { tokens: 300, bucket: 'top_up', topUpId: 'tu_0', at: AT });
    expect(back.entries[0]).toMatchObject({
      type: 'refund',
      bucket: 'top_up',
      top_up_id: 'tu_0',
      amount: 300,
    });
    expect(balanceOf(back.state)).toEqual({ total: 300, plan: 0, top_up: 300 });
    const refused = adjust(back.state, { amount: -1, bucket: 'plan', at: AT });
    expect(refused).toMatchObject({ ok: false, refusal: { bucket: 'plan', requested: 1, available: 0 } });
    const corrected = applied(adjust(back.state, { amount: -100, bucket: 'top_up', at: AT }));
    expect(balanceOf(corrected.state)).toEqual({ total: 200, plan: 0, top_up: 200 });
  });

  it('rejects non-integer or non-positive token counts', () => {
    const state = emptyTokenState('cl_a');
    expect(() => grantPlanAllocation(state, { tokens: 0, at: AT })).toThrow(RangeError);
    expect(() => recordUsage(state, { tokens: 1.5, at: AT })).toThrow(RangeError);
    expect(() => adjust(state, { amount: 0, bucket: 'plan', at: AT })).toThrow(RangeError);
  });
});

type Op =
  | { kind: 'reset'; tokens: number }
  | { kind: 'topUp'; tokens: number; auto: boolean }
  | { kind: 'usage'; tokens: number }
  | { kind: 'refund'; tokens: number; toPlan: boolean }
  | { kind: 'adjust'; amount: number; toPlan: boolean };

const tokens = fc.integer({ min: 1, max: 20_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('reset' as const), tokens }),
  fc.record({ kind: fc.constant('topUp' as const), tokens, auto: fc.boolean() }),
  fc.record({ kind: fc.constant('usage' as const), tokens }),
  fc.record({ kind: fc.constant('usage' as const), tokens }),
  fc.record({ kind: fc.constant('refund' as const), tokens, toPlan: fc.boolean() }),
  fc.record({
    kind: fc.constant('adjust' as const),
    amount: fc.integer({ min: -5_000, max: 5_000 }).filter((n) => n !== 0),
    toPlan: fc.boolean(),
  }),
);

describe('token ledger properties', () => {
  it('keeps buckets non-negative, entries summing to the balance, and top-ups through resets', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let state = emptyTokenState('cl_p');
        const entries: LedgerEntry[] = [];
        let n = 0;
        for (const o of ops) {
          n += 1;
          const at = AT;
          const before = state;
          let result: Applied | null = null;
          if (o.kind === 'reset') result = resetCycle(state, { tokens: o.tokens, at });
          if (o.kind === 'topUp') {
            result = addTopUp(state, {
              topUpId: `tu_${n}`,
              kind: o.auto ? 'auto_reload' : 'top_up',
              tokens: o.tokens,
              at,
            });
          }
          if (o.kind === 'usage') {
            const outcome = recordUsage(state, { tokens: o.tokens, at });
            if (!outcome.ok) {
              expect(o.tokens).toBeGreaterThan(balanceOf(state).total);
              continue;
            }
            result = outcome;
          }
          if (o.kind === 'refund') {
            result = refund(state, {
              tokens: o.tokens,
              bucket: o.toPlan ? 'plan' : 'top_up',
              topUpId: `tu_r${n}`,
              at,
            });
          }
          if (o.kind === 'adjust') {
            const outcome = adjust(state, {
              amount: o.amount,
              bucket: o.toPlan ? 'plan' : 'top_up',
              // Credits open a new top-up; debits drain existing top-ups oldest first.
              topUpId: o.amount > 0 ? `tu_a${n}` : undefined,
              at,
            });
            if (!outcome.ok) {
              expect(outcome.refusal.requested).toBeGreaterThan(outcome.refusal.available);
              continue;
            }
            result = outcome;
          }
          if (!result) throw new Error('unhandled op');
          state = result.state;
          entries.push(...result.entries);

          expect(state.plan).toBeGreaterThanOrEqual(0);
          for (const bucket of state.topUps) expect(bucket.remaining).toBeGreaterThan(0);
          if (o.kind === 'reset') {
            expect(balanceOf(state).top_up).toBe(balanceOf(before).top_up);
            expect(state.topUps).toEqual(before.topUps);
          }
        }
        let running = 0;
        entries.forEach((entry, i) => {
          running += entry.amount;
          expect(entry.seq).toBe(i + 1);
          expect(entry.balance_after).toBe(running);
          expect(entry.balance_after).toBeGreaterThanOrEqual(0);
        });
        expect(balanceFromEntries(entries)).toEqual(balanceOf(state));
        expect(state.seq).toBe(entries.length);
      }),
      { numRuns: 300 },
    );
  });
});
