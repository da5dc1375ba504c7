/**
 * The purchase's calls to the billing API. The charge request is retried with
 * the same Idempotency-Key, so a retry replays the first result and can never
 * charge twice; a failure is only final when the service answered with a refusal.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { TopUp, TopUpResult } from '../../../shared/api/payments-api';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import { BillingApiError } from '../billing-api/billing-api-error';
import type { PurchaseRecord } from '../db/repositories/purchase-journal-repo';
import type { FetchedSuccess } from './purchase-writes';

export type SendOutcome =
  | { kind: 'answered'; result: TopUpResult }
  /** The service refused the request itself (4xx): nothing was charged. */
  | { kind: 'refused'; error: BillingApiError }
  /** No answer (offline, timeout, 5xx, dropped response): the charge may or may not have happened. */
  | { kind: 'unknown'; error: unknown };

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1_500];

function isRefusal(error: unknown): error is BillingApiError {
  return (
    error instanceof BillingApiError && error.status !== null && error.status < 500 && error.status !== 429
  );
}

/** Sends the charge for a journaled purchase: one try plus one per retry delay. */
export async function sendTopUp(
  api: BillingApiClient,
  record: PurchaseRecord,
  retryDelaysMs: readonly number[],
): Promise<SendOutcome> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= retryDelaysMs.length; attempt++) {
    if (attempt > 0) await delay(retryDelaysMs[attempt - 1] ?? 0);
    try {
      return {
        kind: 'answered',
        result: await api.createTopUp(record.clientId, record.packId, record.idempotencyKey),
      };
    } catch (error) {
      if (isRefusal(error)) return { kind: 'refused', error };
      lastError = error;
    }
  }
  return { kind: 'unknown', error: lastError };
}

/** Reads the log from the cache's cursor until the top-up's entry (the sync would fetch the same pages). */
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
