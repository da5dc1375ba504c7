/**
 * The steps of one purchase. Each state is committed to the journal before it
 * is acted on (pending → processing → request → outcome), so whatever is found
 * in the journal after a crash says exactly what may have happened.
 */
import type { TopUp, TopUpResult } from '../../../shared/api/payments-api';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { CacheScope } from '../../../shared/ipc/models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import type { BillingApiError } from '../billing-api/billing-api-error';
import type { PurchaseChange, PurchaseRecord } from '../db/repositories/purchase-journal-repo';
import type { Logger } from '../runtime/types';
import { refusedError } from './purchase-messages';
import { fetchSuccess, sendTopUp } from './purchase-requests';
import {
  applyAnsweredSuccess,
  applyFetchedSuccess,
  pendingChange,
  type PurchaseStore,
} from './purchase-writes';

/** Where a test may stop the process: after each journal write and after the answer arrives. */
export type PurchaseStep = 'pending' | 'processing' | 'response' | 'applied';

export interface PurchaseFlowOptions extends PurchaseStore {
  api: () => BillingApiClient | null;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Asks for a sync that starts after any running one (invoices and the rest arrive by sync). */
  syncSoon: () => void;
  logger: Logger;
  retryDelaysMs: readonly number[];
  /** Test-only: called after each step is committed, e.g. to kill the process there. */
  checkpoint?: (step: PurchaseStep, purchaseId: string) => void;
}

export function toPurchase(record: PurchaseRecord): Purchase {
  const { idempotencyKey: _key, ...purchase } = record;
  return purchase;
}

/** The billing service refused the charge request itself: the purchase is failed and nothing was charged. */
export class PurchaseRefusedError extends AppError {
  constructor(
    readonly record: PurchaseRecord,
    cause: BillingApiError,
  ) {
    super(cause.kind, record.paymentError?.message ?? cause.message, { cause });
    this.name = 'PurchaseRefusedError';
  }
}

export class PurchaseFlow {
  constructor(private readonly options: PurchaseFlowOptions) {}

  checkpoint(step: PurchaseStep, record: PurchaseRecord): void {
    this.options.checkpoint?.(step, record.id);
  }

  requireApi(): BillingApiClient {
    const api = this.options.api();
    if (!api) throw new AppError('unauthorized', 'Sign in to the billing service to buy top ups.');
    return api;
  }

  announce(record: PurchaseRecord): PurchaseRecord {
    this.options.emit('purchases.changed', toPurchase(record));
    return record;
  }

  /** Commits a change, then tells every window. */
  write(record: PurchaseRecord, change: PurchaseChange): PurchaseRecord {
    return this.announce(this.options.repos.purchases.update(record.id, change));
  }

  /**
   * Sends (or re-sends, with the same key) the charge and records the answer.
   * `fresh` says the answer is to a request made now, so its balance is current;
   * a replay found after a restart may be old, so the client is fetched again.
   * An unknown outcome leaves the purchase `processing` for reconciliation; a
   * refusal (4xx) fails it and throws PurchaseRefusedError.
   */
  async send(start: PurchaseRecord, fresh: boolean): Promise<PurchaseRecord> {
    const api = this.requireApi();
    let record = start;
    if (record.state === 'pending') {
      record = this.write(record, { state: 'processing' });
      this.checkpoint('processing', record);
    }
    const outcome = await sendTopUp(api, record, this.options.retryDelaysMs);
    if (outcome.kind === 'unknown') {
      this.options.logger.warn('A top up could not be confirmed yet; it stays processing', {
        purchaseId: record.id,
        error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
      });
      return record;
    }
    if (outcome.kind === 'refused') {
      const failed = this.write(record, {
        state: 'failed',
        paymentError: refusedError(outcome.error.message),
      });
      throw new PurchaseRefusedError(failed, outcome.error);
    }
    this.checkpoint('response', record);
    return this.applyAnswer(api, record, outcome.result, fresh);
  }

  private async applyAnswer(
    api: BillingApiClient,
    record: PurchaseRecord,
    result: TopUpResult,
    fresh: boolean,
  ): Promise<PurchaseRecord> {
    const entry = result.ledger_entry;
    if (result.top_up.status !== 'succeeded') return this.write(record, pendingChange(result.top_up));
    if (!fresh || !entry) return this.applySuccessFromApi(api, record, result.top_up);
    const updated = applyAnsweredSuccess(this.options, record, { ...result, ledger_entry: entry });
    this.checkpoint('applied', updated);
    return this.succeeded(updated, false);
  }

  /** Asks the billing API where a sent top-up stands and records it. */
  async settleFromApi(record: PurchaseRecord): Promise<PurchaseRecord> {
    const api = this.requireApi();
    if (record.topUpId === null) return this.send(record, false);
    const topUp = await api.getTopUp(record.topUpId);
    if (topUp.status === 'succeeded') return this.applySuccessFromApi(api, record, topUp);
    const change = pendingChange(topUp);
    const unchanged =
      change.state === record.state &&
      change.clientSecret === record.clientSecret &&
      change.paymentError?.message === record.paymentError?.message;
    return unchanged ? record : this.write(record, change);
  }

  private async applySuccessFromApi(
    api: BillingApiClient,
    record: PurchaseRecord,
    topUp: TopUp,
  ): Promise<PurchaseRecord> {
    // A success after a decline went through Checkout, whose card is now the agency's default.
    const viaCheckout = record.state === 'requires_payment_method';
    const cursor = this.options.repos.syncCursors.ledgerAfterSeq(record.clientId);
    const fetched = await fetchSuccess(api, record, topUp, cursor, viaCheckout);
    const current = this.options.repos.purchases.get(record.id);
    if (current?.state === 'succeeded') return current;
    const { record: updated, accountChanged } = applyFetchedSuccess(this.options, record, fetched);
    this.checkpoint('applied', updated);
    return this.succeeded(updated, accountChanged);
  }

  private succeeded(record: PurchaseRecord, accountChanged: boolean): PurchaseRecord {
    const scopes: CacheScope[] = ['clients', 'ledger'];
    if (accountChanged) this.options.emit('cache.changed', { scopes: ['account'] });
    this.options.emit('cache.changed', { scopes, clientIds: [record.clientId] });
    this.announce(record);
    this.options.syncSoon();
    return record;
  }
}
