/**
 * The cache writes that finish a purchase. A success is one transaction: the
 * journal's `succeeded`, the client's new balance and the `top_up` entry, so
 * the balance shows at once and a crash can never leave half of it.
 */
import type Database from 'better-sqlite3';
import type { Client, LedgerEntry, Me } from '../../../shared/api/billing-api';
import type { TopUp, TopUpResult } from '../../../shared/api/payments-api';
import { describePaymentError } from '../../../shared/domain/payment-error-text';
import type { PurchasePaymentError } from '../../../shared/ipc/purchase-models';
import type { Repositories } from '../db/repositories';
import type { PurchaseChange, PurchaseRecord } from '../db/repositories/purchase-journal-repo';
import { toSavedCard } from '../services/model-mappers';
import { applyLedgerPage } from '../sync/apply-ledger-page';
import { CANCELED } from './purchase-messages';

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

/** The journal change for a top-up that has not succeeded (yet). */
export function pendingChange(topUp: TopUp): PurchaseChange {
  switch (topUp.status) {
    case 'requires_action':
      return {
        state: 'requires_action',
        topUpId: topUp.id,
        clientSecret: topUp.client_secret,
        paymentError: null,
      };
    case 'requires_payment_method':
      return {
        state: 'requires_payment_method',
        topUpId: topUp.id,
        clientSecret: topUp.client_secret,
        paymentError: paymentErrorOf(topUp),
      };
    case 'canceled':
      return { state: 'canceled', topUpId: topUp.id, clientSecret: null, paymentError: CANCELED };
    default:
      return { state: 'processing', topUpId: topUp.id };
  }
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
): PurchaseRecord {
  const { db, repos } = store;
  const { balance, top_up: topUp } = result;
  return db.transaction(() => {
    repos.clients.applyTopUpBalance(record.clientId, balance);
    storeEntries(store, record.clientId, [result.ledger_entry]);
    return repos.purchases.update(record.id, {
      state: 'succeeded',
      topUpId: topUp.id,
      clientSecret: null,
      paymentError: null,
      balanceAfter: { total: balance.total, plan: balance.plan, topUp: balance.top_up },
      invoiceId: topUp.invoice_id,
    });
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
): { record: PurchaseRecord; accountChanged: boolean } {
  const { db, repos } = store;
  const { client, topUp, me } = fetched;
  return db.transaction(() => {
    repos.clients.upsertMany([client]);
    storeEntries(store, record.clientId, fetched.entries);
    const accountChanged = me ? repos.account.save(me) : false;
    const updated = repos.purchases.update(record.id, {
      state: 'succeeded',
      topUpId: topUp.id,
      clientSecret: null,
      paymentError: null,
      balanceAfter: { total: client.balance.total, plan: client.balance.plan, topUp: client.balance.top_up },
      invoiceId: topUp.invoice_id,
      ...(me ? { card: toSavedCard(me.card) } : {}),
    });
    return { record: updated, accountChanged };
  })();
}
