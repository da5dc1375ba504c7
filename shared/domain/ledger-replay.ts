/**
 * Keeps a client's buckets (plan, and each top-up with what is left of it) up
 * to date from ledger entries alone, one page at a time, by the rules of
 * token-ledger.ts. Unlike token-replay.ts (a strict check from seq 1) it
 * continues from a saved state and never refuses an entry: the app must show
 * whatever the billing service recorded.
 */
import type { LedgerEntry } from '../api/billing-api';
import { changeTopUp, drainTopUps, emptyTokenState, type TokenState, type TopUpBucket } from './token-ledger';

export type ReplayedEntry = Pick<LedgerEntry, 'seq' | 'type' | 'amount' | 'bucket' | 'top_up_id'>;

function replayTopUp(topUps: readonly TopUpBucket[], entry: ReplayedEntry): readonly TopUpBucket[] {
  if ((entry.type === 'top_up' || entry.type === 'auto_reload') && entry.top_up_id !== null) {
    return [...topUps, { id: entry.top_up_id, kind: entry.type, remaining: entry.amount }];
  }
  if (entry.top_up_id !== null) return changeTopUp(topUps, entry.top_up_id, entry.amount);
  if (entry.amount < 0) return drainTopUps(topUps, -entry.amount);
  // The rules never credit top-ups without naming one; keep the tokens countable all the same.
  return changeTopUp(topUps, `unattributed_${entry.seq}`, entry.amount);
}

/** Applies entries newer than the state (older ones are already in it), in seq order. */
export function continueReplay(state: TokenState, entries: Iterable<ReplayedEntry>): TokenState {
  let { seq, plan, topUps } = state;
  for (const entry of entries) {
    if (entry.seq <= seq) continue;
    seq = entry.seq;
    if (entry.bucket === 'plan') plan += entry.amount;
    else topUps = replayTopUp(topUps, entry);
  }
  return { clientId: state.clientId, seq, plan, topUps };
}

export function replayFromStart(clientId: string, entries: Iterable<ReplayedEntry>): TokenState {
  return continueReplay(emptyTokenState(clientId), entries);
}
