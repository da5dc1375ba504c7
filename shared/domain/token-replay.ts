/**
 * Rebuilds a client's token state (plan bucket and each top-up bucket) from its
 * ledger entries alone, applying the same draining rules that wrote them. The
 * sandbox uses it to continue a stored ledger; the app can use it to explain a balance.
 */
import type { LedgerEntry } from '../api/billing-api';
import { changeTopUp, drainTopUps, emptyTokenState, topUpBalance, type TokenState } from './token-ledger';

type ReplayedEntry = Pick<LedgerEntry, 'seq' | 'type' | 'amount' | 'bucket' | 'top_up_id' | 'balance_after'>;

function applyTopUpEntry(state: TokenState, entry: ReplayedEntry): TokenState {
  const type = entry.type;
  if ((type === 'top_up' || type === 'auto_reload') && entry.top_up_id) {
    const bucket = { id: entry.top_up_id, kind: type, remaining: entry.amount };
    return { ...state, topUps: [...state.topUps, bucket] };
  }
  if (entry.top_up_id) return { ...state, topUps: changeTopUp(state.topUps, entry.top_up_id, entry.amount) };
  if (entry.amount <= 0) return { ...state, topUps: drainTopUps(state.topUps, -entry.amount) };
  throw new RangeError(`Ledger entry ${entry.seq} credits the top-up bucket without naming a top-up`);
}

/** Entries must be one client's, in seq order; an entry that breaks a rule is reported, not skipped. */
export function replayEntries(clientId: string, entries: readonly ReplayedEntry[]): TokenState {
  let state = emptyTokenState(clientId);
  for (const entry of entries) {
    if (entry.seq !== state.seq + 1) {
      throw new RangeError(`Ledger of ${clientId} jumps from seq ${state.seq} to ${entry.seq}`);
    }
    const before = entry.bucket === 'plan' ? state.plan : topUpBalance(state);
    if (before + entry.amount < 0) {
      throw new RangeError(
        `Ledger entry ${entry.seq} of ${clientId} takes the ${entry.bucket} bucket below zero`,
      );
    }
    const next =
      entry.bucket === 'plan' ? { ...state, plan: state.plan + entry.amount } : applyTopUpEntry(state, entry);
    state = { ...next, seq: entry.seq };
    if (state.plan + topUpBalance(state) !== entry.balance_after) {
      throw new RangeError(`Ledger entry ${entry.seq} of ${clientId} has a wrong balance_after`);
    }
  }
  return state;
}
