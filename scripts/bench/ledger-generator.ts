/**
 * A long, realistic credit log made by the real token rules: monthly cycles
 * (expiry + allocation), usage, top-ups and auto reloads with invoices when the
 * balance runs low, refunds and adjustments. Deterministic, and produced a page at a
 * time so a million entries never sit in memory together.
 */
import type { LedgerEntry } from '../../shared/api/billing-api';
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
} from '../../shared/domain/token-ledger';

export const BENCH_PLAN_TOKENS = 50_000;
const TASKS = ['Blog post draft', 'Keyword research', 'Review replies', 'Ad copy variants', 'Newsletter'];
const START = Date.UTC(2015, 0, 1);
const STEP_MS = 4 * 60_000;
const CYCLE_EVERY = 3_000;
/** Below this the client buys more, as an auto reload would. */
const LOW_BALANCE = 5_000;

/** A small deterministic PRNG (mulberry32) so every run builds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* generateLedgerPages(
  clientId: string,
  entries: number,
  pageSize: number,
): Generator<LedgerEntry[]> {
  const rand = random(42);
  let state: TokenState = emptyTokenState(clientId);
  const page: LedgerEntry[] = [];
  let step = 0;
  let lastTopUp: string | null = null;
  while (state.seq < entries) {
    step += 1;
    const applied = nextOperation(state, step, rand, lastTopUp);
    if (!applied) continue;
    if (applied.topUpId) lastTopUp = applied.topUpId;
    state = applied.state;
    yield* pageEntries(page, applied.entries, entries, pageSize);
  }
  if (page.length > 0) yield page;
}

/** Moves an operation's entries up to seq `last` onto `page`, yielding the page's entries each time it fills. */
export function* pageEntries(
  page: LedgerEntry[],
  added: readonly LedgerEntry[],
  last: number,
  pageSize: number,
): Generator<LedgerEntry[]> {
  for (const entry of added) {
    if (entry.seq > last) return;
    page.push(entry);
    if (page.length === pageSize) yield page.splice(0);
  }
}

function nextOperation(
  state: TokenState,
  step: number,
  rand: () => number,
  lastTopUp: string | null,
): (Applied & { topUpId?: string }) | null {
  const at = new Date(START + step * STEP_MS).toISOString();
  const roll = rand();
  if (step === 1 || step % CYCLE_EVERY === 0) {
    return resetCycle(state, { at, tokens: BENCH_PLAN_TOKENS, invoiceId: `in_plan_${step}` });
  }
  if (balanceOf(state).total < LOW_BALANCE) {
    const topUpId = `tu_${step}`;
    const kind = rand() < 0.5 ? 'top_up' : 'auto_reload';
    return { ...addTopUp(state, { at, topUpId, kind, tokens: 10_000, invoiceId: `in_${step}` }), topUpId };
  }
  if (roll < 0.003 && lastTopUp) {
    return refund(state, { at, tokens: 250, bucket: 'top_up', topUpId: lastTopUp });
  }
  const outcome =
    roll < 0.005
      ? adjust(state, { at, amount: 100, bucket: 'plan' })
      : recordUsage(state, {
          at,
          tokens: 10 + Math.floor(rand() * 40),
          description: `${TASKS[step % TASKS.length] ?? 'Usage'} #${step}`,
          submissionId: `sub_${step}`,
        });
  return outcome.ok ? outcome : null;
}
