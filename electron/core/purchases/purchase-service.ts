/**
 * Manual top-ups as the channels see them. At most one purchase per client is
 * unfinished (a partial UNIQUE index says so); asking again for the same pack
 * joins it with the same idempotency key, so a double click, a second window or
 * a retry can never charge twice.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/ipc/errors';
import type { CheckoutStart, Purchase } from '../../../shared/ipc/purchase-models';
import { BillingApiError } from '../billing-api/billing-api-error';
import { isOpenPurchaseConflict, type PurchaseRecord } from '../db/repositories/purchase-journal-repo';
import { toSavedCard } from '../services/model-mappers';
import type { NoticeBoard } from '../services/notice-board';
import { PurchaseFlow, PurchaseRefusedError, toPurchase, type PurchaseFlowOptions } from './purchase-flow';
import {
  alreadyPaid,
  CANCELED,
  CANNOT_CANCEL_PROCESSING,
  inFlightConflict,
  NOT_SENT,
  nothingToPay,
  OFFLINE_PURCHASE,
  reconciledNotice,
  type ReconcileTrigger,
} from './purchase-messages';

export interface PurchaseServiceOptions extends PurchaseFlowOptions {
  notices: NoticeBoard;
  /** True while the billing API is known to be unreachable. */
  isOffline: () => boolean;
}

const UNKNOWN_OUTCOME_STATES = new Set(['pending', 'processing']);

export class PurchaseService {
  private readonly flow: PurchaseFlow;
  /** Purchases this process is working on, so a second caller joins instead of starting over. */
  private readonly inFlight = new Map<string, Promise<PurchaseRecord>>();

  constructor(private readonly options: PurchaseServiceOptions) {
    this.flow = new PurchaseFlow(options);
  }

  get(purchaseId: string): Purchase | null {
    const record = this.options.repos.purchases.get(purchaseId);
    return record ? toPurchase(record) : null;
  }

  active(clientId: string): Purchase | null {
    const record = this.options.repos.purchases.openForClient(clientId);
    return record ? toPurchase(record) : null;
  }

  async start(clientId: string, packId: string): Promise<Purchase> {
    const { repos } = this.options;
    const open = repos.purchases.openForClient(clientId);
    if (open) return toPurchase(await this.join(open, packId));
    this.flow.requireApi();
    if (this.options.isOffline()) throw new AppError('offline', OFFLINE_PURCHASE);
    const client = repos.clients.get(clientId);
    if (!client) throw new AppError('not_found', 'That client is not in the app yet. Sync and try again.');
    const pack = repos.packs.list().find((candidate) => candidate.id === packId);
    if (!pack) throw new AppError('validation', 'That pack is no longer offered. Pick another pack.');
    let record: PurchaseRecord;
    try {
      record = repos.purchases.insertPending({
        id: randomUUID(),
        clientId,
        clientName: client.name,
        packId,
        tokens: pack.tokens,
        amount: pack.price,
        idempotencyKey: randomUUID(),
        card: toSavedCard(repos.account.get()?.card ?? null),
      });
    } catch (error) {
      const other = isOpenPurchaseConflict(error) ? repos.purchases.openForClient(clientId) : null;
      if (!other) throw error;
      return toPurchase(await this.join(other, packId));
    }
    this.flow.announce(record);
    this.flow.checkpoint('pending', record);
    return toPurchase(await this.track(record, () => this.flow.send(record, true)));
  }

  /** Asks the billing API again (after 3-D Secure, after Checkout, or to learn an unknown outcome). */
  async refresh(purchaseId: string): Promise<Purchase> {
    const record = this.require(purchaseId);
    const running = this.inFlight.get(record.id);
    if (running) return toPurchase(await running);
    if (record.state === 'succeeded' || record.state === 'canceled' || record.state === 'failed')
      return toPurchase(record);
    return toPurchase(await this.track(record, () => this.flow.settleFromApi(record)));
  }

  async checkout(purchaseId: string): Promise<CheckoutStart> {
    const record = this.require(purchaseId);
    if ((record.state !== 'requires_payment_method' && record.state !== 'requires_action') || !record.topUpId)
      throw new AppError('conflict', nothingToPay(record));
    const session = await this.flow.requireApi().createCheckoutSession(record.topUpId);
    return { clientSecret: session.client_secret };
  }

  async cancel(purchaseId: string): Promise<Purchase> {
    const record = this.require(purchaseId);
    if (this.inFlight.has(record.id) || record.state === 'processing')
      throw new AppError('conflict', CANNOT_CANCEL_PROCESSING);
    switch (record.state) {
      case 'pending':
        return toPurchase(this.flow.write(record, { state: 'canceled', paymentError: CANCELED }));
      case 'succeeded':
        throw new AppError('conflict', alreadyPaid(record));
      case 'canceled':
      case 'failed':
        return toPurchase(record);
      default:
        return toPurchase(await this.track(record, () => this.cancelSent(record)));
    }
  }

  /**
   * Settles purchases a previous run (or a lost connection) left unfinished:
   * never sent → canceled; maybe sent → replayed with the same key; waiting for
   * the card → asked again. The manager is told each outcome.
   */
  async reconcile(trigger: ReconcileTrigger): Promise<void> {
    if (!this.options.api()) return;
    for (const record of this.options.repos.purchases.unfinished()) {
      if (this.inFlight.has(record.id)) continue;
      if (trigger === 'online' && !UNKNOWN_OUTCOME_STATES.has(record.state)) continue;
      try {
        this.tell(record, await this.track(record, () => this.reconcileOne(record)), trigger);
      } catch (error) {
        if (error instanceof PurchaseRefusedError) {
          this.tell(record, error.record, trigger);
          continue;
        }
        this.options.logger.warn('A purchase could not be reconciled yet', {
          purchaseId: record.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private tell(before: PurchaseRecord, after: PurchaseRecord, trigger: ReconcileTrigger): void {
    const notice = reconciledNotice(before, after, trigger);
    if (notice) this.options.notices.add(notice.level, notice.message);
  }

  private reconcileOne(record: PurchaseRecord): Promise<PurchaseRecord> {
    if (record.state === 'pending')
      return Promise.resolve(this.flow.write(record, { state: 'canceled', paymentError: NOT_SENT }));
    if (record.state === 'processing' && record.topUpId === null) return this.flow.send(record, false);
    return this.flow.settleFromApi(record);
  }

  private async cancelSent(record: PurchaseRecord): Promise<PurchaseRecord> {
    if (!record.topUpId) return this.flow.write(record, { state: 'canceled', paymentError: CANCELED });
    try {
      await this.flow.requireApi().cancelTopUp(record.topUpId);
    } catch (error) {
      // The payment went through after all (3-D Secure or Checkout finished elsewhere).
      if (error instanceof BillingApiError && error.status === 409) return this.flow.settleFromApi(record);
      throw error;
    }
    return this.flow.write(record, { state: 'canceled', clientSecret: null, paymentError: CANCELED });
  }

  private async join(open: PurchaseRecord, packId: string): Promise<PurchaseRecord> {
    if (open.packId !== packId) throw new AppError('conflict', inFlightConflict(open));
    const running = this.inFlight.get(open.id);
    if (running) return running;
    if (open.state === 'pending' || open.state === 'processing')
      return this.track(open, () => this.flow.send(open, open.state === 'pending'));
    return open;
  }

  private track(record: PurchaseRecord, run: () => Promise<PurchaseRecord>): Promise<PurchaseRecord> {
    const running = this.inFlight.get(record.id);
    if (running) return running;
    const promise = run().finally(() => this.inFlight.delete(record.id));
    this.inFlight.set(record.id, promise);
    return promise;
  }

  private require(purchaseId: string): PurchaseRecord {
    const record = this.options.repos.purchases.get(purchaseId);
    if (!record) throw new AppError('not_found', 'That purchase is not in the app.');
    return record;
  }
}
