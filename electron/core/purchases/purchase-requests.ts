/**
 * The purchase's calls to the billing API. The charge request is retried with
 * the same Idempotency-Key, so a retry replays the first result and can never
 * charge twice. A refusal proves nothing was charged only when it answers the
 * first request ever sent with the key, or says the price changed: a 4xx to a
 * retry or a replay may hide an earlier request that did charge.
 */
import { setTimeout as delay } from 'node:timers/promises';
import {
  IDEMPOTENCY_KEY_IN_USE,
  PRICE_CHANGED,
  type TopUp,
  type TopUpResult,
} from '../../../shared/api/payments-api';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import { BillingApiError } from '../billing-api/billing-api-error';
import type { PurchaseRecord } from '../db/journal/purchase-journal-repo';
import type { FetchedSuccess } from './purchase-writes';

export type SendOutcome =
  | { kind: 'answered'; result: TopUpResult }
  /** The service said it charged nothing for this request. */
  | { kind: 'refused'; error: BillingApiError }
  /** No answer, or one that proves nothing: the charge may or may not have happened. */
  | { kind: 'unknown'; error: unknown }
  /** The key grew too old to send again; only a lookup can tell what happened. */
  | { kind: 'expired' };

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1_500];

/** Keys are replayed only while younger than this; Stripe forgets them after 24 hours. */
const KEY_REPLAY_WINDOW_MS = 23 * 60 * 60 * 1000;

export function isPriceChanged(error: unknown): boolean {
  return error instanceof BillingApiError && error.status === 409 && error.code === PRICE_CHANGED;
}

/** A 4xx that rejects the request itself; "key in use" instead says another request with the key is running. */
function isRefusal(error: unknown): error is BillingApiError {
  return (
    error instanceof BillingApiError &&
    error.status !== null &&
    error.status < 500 &&
    error.status !== 429 &&
    error.code !== IDEMPOTENCY_KEY_IN_USE
  );
}

/** Whether the billing API still remembers the key, so sending it again replays instead of charging again. */
export function keyIsReplayable(record: PurchaseRecord, now: Date): boolean {
  return now.getTime() - Date.parse(record.createdAt) < KEY_REPLAY_WINDOW_MS;
}

/**
 * Sends the charge for a journaled purchase: one try plus one per retry delay.
 * `firstEver` is true only when no request with this key can have left before.
 * Each try first checks the key is still young: a laptop that slept through a
 * retry delay must look the purchase up, not send a key the API forgot.
 */
export async function sendTopUp(
  api: BillingApiClient,
  record: PurchaseRecord,
  retryDelaysMs: readonly number[],
  firstEver: boolean,
  now: () => Date,
): Promise<SendOutcome> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
    if (attempt > 0) await delay(retryDelaysMs[attempt - 1] ?? 0);
    if (!keyIsReplayable(record, now())) return { kind: 'expired' };
    try {
      const body = { pack_id: record.packId, amount: record.amount };
      return {
        kind: 'answered',
        result: await api.createTopUp(record.clientId, body, record.idempotencyKey),
      };
    } catch (error) {
      if (isRefusal(error) && (isPriceChanged(error) || (firstEver && attempt === 0)))
        return { kind: 'refused', error };
      lastError = error;
      if (!(error instanceof BillingApiError) || !error.transient) break;
    }
  }
  return { kind: 'unknown', error: lastError };
}

/**
 * Reads the log from the cache's cursor until the top-up's entry (the sync
 * would fetch the same pages). A page whose last seq does not move forward
 * ends the loop, so a misbehaving server cannot keep it going.
 */
async function fetchEntriesUntil(
  api: BillingApiClient,
  clientId: string,
  afterSeq: number,
  entryId: string | null,
): Promise<FetchedSuccess['entries']> {
  const entries: FetchedSuccess['entries'] = [];
  let after = afterSeq;
  for (;;) {
    const page = await api.listLedger(clientId, { after_seq: after, limit: 500 });
    entries.push(...page.data);
    const last = page.data.at(-1);
    if (!last || page.next_cursor === null || page.data.some((entry) => entry.id === entryId)) return entries;
    if (last.seq <= after) return entries;
    after = last.seq;
  }
}

/** Everything needed to write a success learned after the fact, fetched before the one transaction. */
export async function fetchSuccess(
  api: BillingApiClient,
  record: PurchaseRecord,
  topUp: TopUp,
  cursor: number,
  withAccount: boolean,
): Promise<FetchedSuccess> {
  const client = await api.getClient(record.clientId);
  const entries = await fetchEntriesUntil(api, record.clientId, cursor, topUp.ledger_entry_id);
  const me = withAccount ? await api.getMe() : null;
  return { topUp, client, entries, me };
}
