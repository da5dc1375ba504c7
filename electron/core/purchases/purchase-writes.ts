/**
 * The cache writes that finish a purchase. A success is one transaction: the
 * journal's `succeeded`, the client's new balance and the `top_up` entry, so
 * the balance shows at once and a crash can never leave half of it.
 */
import type Database from 'better-sqlite3';
import type { Balance, Client, LedgerEntry, Me } from '../../../shared/api/billing-api';
import type { TopUp, TopUpResult } from '../../../shared/api/payments-api';
import { describePaymentError } from '../../../shared/domain/payment-error-text';
import type { PurchasePaymentError } from '../../../shared/ipc/purchase-models';
import type { Repositories } from '../db/repositories';
import type { PurchaseChange, PurchaseRecord } from '../db/journal/purchase-journal-repo';
import { toSavedCard } from '../services/model-mappers';
import { applyLedgerPage } from '../sync/apply-ledger-page';
import { CANCELED, unsupportedStepError } from './purchase-messages';

export interface PurchaseStore {
  db: Database.Database;
  repos: Repositories;
}

export function paymentErrorOf(topUp: TopUp): PurchasePaymentError | null {
  const error = topUp.last_payment_error;
  if (!error) return null;
  const plain = { code: error.code, declineCode: error.decline_code, message: error.message };
  return { ...plain, message: describePaymentError(plain) };
}

/** The journal change for a top-up that has not succeeded (yet): the billing API's word replaces any doubt. */
export function pendingChange(topUp: TopUp, at: Date): PurchaseChange {
  switch (topUp.status) {
    case 'requires_action':
      if (topUp.next_action && topUp.next_action.type !== 'use_stripe_sdk') {
        // A step this version cannot take in the app (a redirect, a voucher): Checkout can still finish it.
        return {
          state: 'requires_payment_method',
          topUpId: topUp.id,
          clientSecret: topUp.client_secret,
          paymentError: unsupportedStepError(topUp.next_action.type),
          lastAnswer: null,
        };
      }
      return {
        state: 'requires_action',
        topUpId: topUp.id,
        clientSecret: topUp.client_secret,
        paymentError: null,
        lastAnswer: null,
      };
    case 'requires_payment_method':
      return {
        state: 'requires_payment_method',
        topUpId: topUp.id,
        clientSecret: topUp.client_secret,
        paymentError: paymentErrorOf(topUp),
        lastAnswer: null,
      };
    case 'canceled':
      return {
        state: 'canceled',
        topUpId: topUp.id,
        clientSecret: null,
        paymentError: CANCELED,
        lastAnswer: null,
      };
    case 'processing':
      return {
        state: 'processing',
        topUpId: topUp.id,
        lastAnswer: {
          at: at.toISOString(),
          detail: 'The billing service is still processing this payment.',
          advice: 'It will be checked again automatically; it can never be charged twice.',
        },
      };
    default:
      // A status added after this version: nothing says whether it was charged, so it stays unsettled.
      return {
        state: 'processing',
        topUpId: topUp.id,
        lastAnswer: {
          at: at.toISOString(),
          detail: `The billing service reports a status this version of the app doesn't know (“${topUp.status}”).`,
          advice: 'It will be checked again automatically; it can never be charged twice.',
        },
      };
  }
}

/** The journal's side of a success: what the billing API charged replaces the confirmed price. */
function succeededChange(topUp: TopUp, balance: Balance): PurchaseChange {
  return {
    state: 'succeeded',
    amount: topUp.amount,
    topUpId: topUp.id,
    clientSecret: null,
    paymentError: null,
    lastAnswer: null,
    balanceAfter: { total: balance.total, plan: balance.plan, topUp: balance.top_up },
    invoiceId: topUp.invoice_id,
  };
}

/**
 * Stores entries through the sync's own path when they continue the cached log.
 * An entry beyond a gap is cached for the credit log but moves neither the
 * cursor nor the replayed buckets: the next sync fills the missing seqs.
 */
function storeEntries(store: PurchaseStore, clientId: string, entries: readonly LedgerEntry[]): void {
  const { db, repos } = store;
  const cursor = repos.syncCursors.ledgerAfterSeq(clientId);
  const fresh = entries.filter((entry) => entry.seq > cursor);
  const first = fresh[0];
  if (!first) return;
  if (first.seq === cursor + 1) {
    applyLedgerPage(db, repos, clientId, cursor, fresh);
    return;
  }
  // Pin the replayed buckets at the cursor first, so a later rebuild cannot skip the gap.
  repos.ledgerReplay.current(clientId);
  repos.ledger.insertMany(fresh);
}

/** A top-up that succeeded in the answer to our own request: its balance and entry are current. */
export function applyAnsweredSuccess(
  store: PurchaseStore,
  record: PurchaseRecord,
  result: TopUpResult & { ledger_entry: LedgerEntry },
): { record: PurchaseRecord; applied: boolean } {
  const { db, repos } = store;
  const { balance, top_up: topUp } = result;
  return db.transaction(() => {
    const written = repos.purchases.update(record.id, record.state, succeededChange(topUp, balance));
    // Another path recorded the outcome first; its cache writes stand.
    if (!written.applied) return written;
    repos.clients.applyTopUpBalance(record.clientId, balance);
    storeEntries(store, record.clientId, [result.ledger_entry]);
    return written;
  })();
}

export interface FetchedSuccess {
  topUp: TopUp;
  /** The client as the billing API has it now (a replayed answer's balance may be old). */
  client: Client;
  /** Ledger entries after the cache's cursor, up to the top-up's entry. */
  entries: LedgerEntry[];
  /** Set after Checkout: the agency's new default card. */
  me: Me | null;
}

/** A success learned later (refresh, reconciliation): whole client, the missing entries, maybe a new card. */
export function applyFetchedSuccess(
  store: PurchaseStore,
  record: PurchaseRecord,
  fetched: FetchedSuccess,
): { record: PurchaseRecord; applied: boolean; accountChanged: boolean } {
  const { db, repos } = store;
  const { client, topUp, me } = fetched;
  return db.transaction(() => {
    const written = repos.purchases.update(record.id, record.state, {
      ...succeededChange(topUp, client.balance),
      ...(me ? { card: toSavedCard(me.card) } : {}),
    });
    if (!written.applied) return { ...written, accountChanged: false };
    repos.clients.upsertMany([client]);
    storeEntries(store, record.clientId, fetched.entries);
    const accountChanged = me ? repos.account.save(me) : false;
    return { ...written, accountChanged };
  })();
}
