/**
 * Keeps a client's buckets (plan, and each top-up with what is left of it) up
 * to date from ledger entries alone, one page at a time, by the rules of
 * token-ledger.ts. Unlike token-replay.ts (a strict check from seq 1) it
 * continues from a saved state and never refuses an entry: the app must show
 * whatever the billing service recorded, including kinds of entries and
 * buckets a newer billing API added after this version was built.
 */
import { BUCKETS, LEDGER_ENTRY_TYPES, type LedgerEntry } from '../api/billing-api';
import { isKnownValue } from '../api/open-enum';
import { changeTopUp, drainTopUps, emptyTokenState, type TokenState, type TopUpBucket } from './token-ledger';

export type ReplayedEntry = Pick<LedgerEntry, 'seq' | 'type' | 'amount' | 'bucket' | 'top_up_id'>;

/** Token state plus the tokens held in buckets this version does not know, by the bucket's raw name. */
export interface ReplayState extends TokenState {
  readonly otherBuckets: Readonly<Record<string, number>>;
}

export function emptyReplayState(clientId: string): ReplayState {
  return { ...emptyTokenState(clientId), otherBuckets: {} };
}

function replayTopUp(topUps: readonly TopUpBucket[], entry: ReplayedEntry): readonly TopUpBucket[] {
  const type = entry.type;
  if (entry.top_up_id !== null) {
    if (type === 'top_up' || type === 'auto_reload') {
      return [...topUps, { id: entry.top_up_id, kind: type, remaining: entry.amount }];
    }
    // A credit of a kind this version does not know names its bucket by that kind ("Transfer").
    const kind = isKnownValue(LEDGER_ENTRY_TYPES, type) ? 'top_up' : type;
    return changeTopUp(topUps, entry.top_up_id, entry.amount, kind);
  }
  if (entry.amount < 0) return drainTopUps(topUps, -entry.amount);
  // The rules never credit top-ups without naming one; keep the tokens countable all the same.
  const kind = isKnownValue(LEDGER_ENTRY_TYPES, type) ? 'top_up' : type;
  return changeTopUp(topUps, `unattributed_${entry.seq}`, entry.amount, kind);
}

/** Applies entries newer than the state (older ones are already in it), in seq order. */
export function continueReplay(state: ReplayState, entries: Iterable<ReplayedEntry>): ReplayState {
  let { seq, plan, topUps, otherBuckets } = state;
  for (const entry of entries) {
    if (entry.seq <= seq) continue;
    seq = entry.seq;
    const bucket = entry.bucket;
    if (bucket === 'plan') plan += entry.amount;
    else if (bucket === 'top_up') topUps = replayTopUp(topUps, entry);
    else if (!isKnownValue(BUCKETS, bucket)) {
      // Counted in the balance as the billing service does, and shown under the bucket's own name.
      otherBuckets = { ...otherBuckets, [bucket]: (otherBuckets[bucket] ?? 0) + entry.amount };
    }
  }
  return { clientId: state.clientId, seq, plan, topUps, otherBuckets };
}

export function replayFromStart(clientId: string, entries: Iterable<ReplayedEntry>): ReplayState {
  return continueReplay(emptyReplayState(clientId), entries);
}
