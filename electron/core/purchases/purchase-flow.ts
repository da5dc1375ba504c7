/**
 * The steps of one purchase. Each state is committed to the journal before it
 * is acted on (pending → processing → request → outcome), so whatever is found
 * in the journal after a crash says exactly what may have happened. A purchase
 * only ends as "no charge" when the billing API said so for it.
 */
import type { TopUp, TopUpResult } from '../../../shared/api/payments-api';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { CacheScope } from '../../../shared/ipc/models';
import type { Purchase } from '../../../shared/ipc/purchase-models';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import type { BillingApiError } from '../billing-api/billing-api-error';
import type { PurchaseChange, PurchaseRecord, Workspace } from '../db/journal/purchase-journal-repo';
import type { Logger } from '../runtime/types';
import { doubtOf } from './purchase-doubts';
import { NOT_CHARGED, priceChangedError, refusedError } from './purchase-messages';
import { fetchSuccess, isPriceChanged, keyIsReplayable, sendTopUp } from './purchase-requests';
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
  /** The backend and agency signed in now; null until both are known. */
  workspace: () => Workspace | null;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Asks for this client's credit log and invoices before any other client's (its invoice arrives by sync). */
  syncSoon: (clientId: string) => void;
  logger: Logger;
  retryDelaysMs: readonly number[];
  now: () => Date;
  /** Test-only: called after each step is committed, e.g. to kill the process there. */
  checkpoint?: (step: PurchaseStep, purchaseId: string) => void;
}

export function toPurchase(record: PurchaseRecord): Purchase {
  const { workspace: _workspace, ...purchase } = record;
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

  /**
   * Commits a change decided from `record`'s state, then tells every window.
   * When the purchase has moved on meanwhile nothing is written and the
   * purchase as it now stands is returned.
   */
  write(record: PurchaseRecord, change: PurchaseChange): PurchaseRecord {
    const written = this.options.repos.purchases.update(record.id, record.state, change);
    return written.applied ? this.announce(written.record) : written.record;
  }

  /**
   * Sends (or re-sends, with the same key) the charge and records the answer.
   * `fresh` says the answer is to a request made now, so its balance is current;
   * a replay found after a restart may be old, so the client is fetched again.
   * An unknown outcome leaves the purchase unsettled with the reason; a proven
   * refusal fails it and throws PurchaseRefusedError.
   */
  async send(start: PurchaseRecord, fresh: boolean): Promise<PurchaseRecord> {
    const api = this.requireApi();
    let record = start;
    const firstEver = record.state === 'pending';
    if (firstEver) {
      record = this.write(record, { state: 'processing' });
      if (record.state !== 'processing') return record;
      this.checkpoint('processing', record);
    }
    const outcome = await sendTopUp(api, record, this.options.retryDelaysMs, firstEver, this.options.now);
    if (outcome.kind === 'expired') return this.settle(record);
    if (outcome.kind === 'unknown') return this.doubt(record, outcome.error);
    if (outcome.kind === 'refused') return this.refused(api, record, outcome.error);
    this.checkpoint('response', record);
    return this.applyAnswer(api, record, outcome.result, fresh);
  }

  private async refused(
    api: BillingApiClient,
    record: PurchaseRecord,
    error: BillingApiError,
  ): Promise<never> {
    const priceChanged = isPriceChanged(error);
    const failed = this.write(record, {
      state: 'failed',
      paymentError: priceChanged
        ? priceChangedError(record.amount, error.currentPrice)
        : refusedError(error.message),
      lastAnswer: null,
    });
    if (priceChanged) await this.refreshPacks(api);
    throw new PurchaseRefusedError(failed, error);
  }

  /** After a price change every screen should offer the new price; the next sync would bring it too. */
  private async refreshPacks(api: BillingApiClient): Promise<void> {
    try {
      const packs = await api.listPacks();
      if (this.options.repos.packs.replaceAll(packs.data) > 0)
        this.options.emit('cache.changed', { scopes: ['catalog'] });
    } catch (error) {
      this.options.logger.warn('The new pack prices could not be fetched yet', { error: String(error) });
    }
  }

  /** Records why the outcome is still unknown, or sends the purchase to review when asking again cannot help. */
  doubt(record: PurchaseRecord, error: unknown): PurchaseRecord {
    const doubt = doubtOf(error);
    this.options.logger.warn('A top up could not be confirmed yet', {
      purchaseId: record.id,
      error: error instanceof Error ? error.message : String(error),
    });
    if (!doubt) return record;
    const lastAnswer = { at: this.options.now().toISOString(), detail: doubt.detail, advice: doubt.advice };
    return this.write(record, doubt.review ? { state: 'needs_review', lastAnswer } : { lastAnswer });
  }

  private async applyAnswer(
    api: BillingApiClient,
    record: PurchaseRecord,
    result: TopUpResult,
    fresh: boolean,
  ): Promise<PurchaseRecord> {
    const entry = result.ledger_entry;
    if (result.top_up.status !== 'succeeded')
      return this.write(record, pendingChange(result.top_up, this.options.now()));
    if (!fresh || !entry) return this.applySuccessFromApi(api, record, result.top_up);
    const { record: updated, applied } = applyAnsweredSuccess(this.options, record, {
      ...result,
      ledger_entry: entry,
    });
    if (!applied) return updated;
    this.checkpoint('applied', updated);
    return this.succeeded(updated, false);
  }

  /**
   * Asks the billing API what became of a purchase that may have been sent:
   * by its idempotency key first, the synced credit log second. Nothing found
   * and the key still young: the request is replayed with it (the manager
   * confirmed it, and the key keeps a replay from charging twice). Nothing
   * found and the key too old to replay: nothing was ever charged.
   */
  async settle(record: PurchaseRecord): Promise<PurchaseRecord> {
    const api = this.requireApi();
    let found: TopUp[];
    try {
      found = (await api.findTopUps(record.idempotencyKey)).data;
    } catch (error) {
      return this.witnessedInLedger(record) ?? this.doubt(record, error);
    }
    const [topUp, ...others] = found;
    if (topUp && others.length > 0)
      return this.review(record, `The billing service has ${found.length} top ups for this purchase's key.`);
    if (topUp) return this.applyTopUp(api, record, topUp);
    if (record.topUpId !== null)
      return this.review(
        record,
        `The billing service answered this purchase earlier (top up ${record.topUpId}) but finds nothing for its key now.`,
      );
    if (keyIsReplayable(record, this.options.now())) {
      try {
        return await this.send(record, false);
      } catch (error) {
        if (error instanceof PurchaseRefusedError) return error.record;
        throw error;
      }
    }
    return this.write(record, { state: 'failed', paymentError: NOT_CHARGED, lastAnswer: null });
  }

  /**
   * The second witness, when the billing API cannot be asked: a `top_up` entry
   * for this purchase's top-up already synced into the credit log means it was
   * charged and credited (the ledger only records a top-up once it succeeded).
   */
  private witnessedInLedger(record: PurchaseRecord): PurchaseRecord | null {
    if (record.topUpId === null) return null;
    const [credited] = this.options.repos.ledger.purchases(record.clientId, [record.topUpId]);
    if (!credited) return null;
    return this.write(record, {
      state: 'succeeded',
      clientSecret: null,
      paymentError: null,
      lastAnswer: null,
      invoiceId: credited.invoice_id,
    });
  }

  private review(record: PurchaseRecord, detail: string): PurchaseRecord {
    return this.write(record, {
      state: 'needs_review',
      lastAnswer: {
        at: this.options.now().toISOString(),
        detail,
        advice: "Check again, or look for this top up in the client's credit log.",
      },
    });
  }

  private applyTopUp(
    api: BillingApiClient,
    record: PurchaseRecord,
    topUp: TopUp,
  ): Promise<PurchaseRecord> | PurchaseRecord {
    if (topUp.status === 'succeeded') return this.applySuccessFromApi(api, record, topUp);
    const change = pendingChange(topUp, this.options.now());
    const unchanged =
      change.state === record.state &&
      change.clientSecret === record.clientSecret &&
      change.paymentError?.message === record.paymentError?.message &&
      change.lastAnswer?.detail === record.lastAnswer?.detail;
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
    const { record: updated, applied, accountChanged } = applyFetchedSuccess(this.options, record, fetched);
    if (!applied) return updated;
    this.checkpoint('applied', updated);
    return this.succeeded(updated, accountChanged);
  }

  private succeeded(record: PurchaseRecord, accountChanged: boolean): PurchaseRecord {
    const scopes: CacheScope[] = ['clients', 'ledger'];
    if (accountChanged) this.options.emit('cache.changed', { scopes: ['account'] });
    this.options.emit('cache.changed', { scopes, clientIds: [record.clientId] });
    this.announce(record);
    this.options.syncSoon(record.clientId);
    return record;
  }
}
