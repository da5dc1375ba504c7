import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/api/billing-api';
import {
  addTopUp,
  adjust,
  balanceOf,
  emptyTokenState,
  recordUsage,
  refund,
  resetCycle,
  type Applied,
  type TokenState,
} from '../../../shared/domain/token-ledger';
import { replayEntries } from '../../../shared/domain/token-replay';

const AT = '2026-03-01T09:00:00.000Z';
const tokens = fc.integer({ min: 1, max: 20_000 });
const op = fc.oneof(
  fc.record({ kind: fc.constant('reset' as const), tokens }),
  fc.record({ kind: fc.constant('topUp' as const), tokens, auto: fc.boolean() }),
  fc.record({ kind: fc.constant('usage' as const), tokens }),
  fc.record({ kind: fc.constant('refund' as const), tokens, toPlan: fc.boolean() }),
  fc.record({
    kind: fc.constant('adjust' as const),
    amount: fc.integer({ min: -5_000, max: 5_000 }).filter(Boolean),
  }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function step(state: TokenState, o: Op, n: number): Applied | null {
  switch (o.kind) {
    case 'reset':
      return resetCycle(state, { tokens: o.tokens, at: AT });
    case 'topUp':
      return addTopUp(state, {
        topUpId: `tu_${n}`,
        kind: o.auto ? 'auto_reload' : 'top_up',
        tokens: o.tokens,
        at: AT,
      });
    case 'usage': {
      const outcome = recordUsage(state, { tokens: o.tokens, at: AT });
      return outcome.ok ? outcome : null;
    }
    case 'refund':
      return refund(state, {
        tokens: o.tokens,
        bucket: o.toPlan ? 'plan' : 'top_up',
        topUpId: `tu_r${n}`,
        at: AT,
      });
    case 'adjust': {
      const topUpId = o.amount > 0 ? `tu_a${n}` : undefined;
      const outcome = adjust(state, { amount: o.amount, bucket: 'top_up', topUpId, at: AT });
      return outcome.ok ? outcome : null;
    }
  }
}

describe('replaying a ledger', () => {
  it('rebuilds exactly the buckets the rules produced, from the entries alone', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let state = emptyTokenState('cl_r');
        const entries: LedgerEntry[] = [];
        ops.forEach((o, n) => {
          const result = step(state, o, n);
          if (!result) return;
          state = result.state;
          entries.push(...result.entries);
        });
        expect(replayEntries('cl_r', entries)).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every top-up token bought in any cycle through any number of resets when only plan tokens are used', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ buy: fc.option(tokens), use: fc.nat({ max: 10_000 }) }), { maxLength: 24 }),
        (cycles) => {
          let state = emptyTokenState('cl_t');
          let bought = 0;
          for (const cycle of cycles) {
            state = resetCycle(state, { tokens: 10_000, at: AT }).state;
            if (cycle.buy !== null) {
              state = addTopUp(state, {
                topUpId: `tu_${bought}`,
                kind: 'top_up',
                tokens: cycle.buy,
                at: AT,
              }).state;
              bought += cycle.buy;
            }
            const use = Math.min(cycle.use, state.plan);
            if (use > 0) {
              const outcome = recordUsage(state, { tokens: use, at: AT });
              if (outcome.ok) state = outcome.state;
            }
            expect(balanceOf(state).top_up).toBe(bought);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports a ledger that skips a seq or has a wrong balance_after', () => {
    const entries = addTopUp(emptyTokenState('cl_x'), {
      topUpId: 'tu_1',
      kind: 'top_up',
      tokens: 5,
      at: AT,
    }).entries;
    const [entry] = entries;
    if (!entry) throw new Error('no entry');
    expect(() => replayEntries('cl_x', [{ ...entry, seq: 2 }])).toThrow(/jumps/);
    expect(() => replayEntries('cl_x', [{ ...entry, balance_after: 6 }])).toThrow(/balance_after/);
    expect(() => replayEntries('cl_x', [{ ...entry, amount: -5, type: 'usage', top_up_id: null }])).toThrow(
      /below zero/,
    );
  });
});
