/**
 * Manual top-ups as the channels see them. At most one purchase per client is
 * unfinished (a partial UNIQUE index says so); asking again for the same pack
 * joins it with the same idempotency key, so a double click, a second window or
 * a retry can never charge twice.
 */
import { randomUUID } from 'node:crypto';
import type { Money } from '../../../shared/api/primitives';
import { samePrice } from '../../../shared/domain/money';
import { AppError } from '../../../shared/ipc/errors';
import type { CheckoutStart, Purchase, PurchaseState } from '../../../shared/ipc/purchase-models';
import { BillingApiError } from '../billing-api/billing-api-error';
import {
  isOpenPurchaseConflict,
  OPEN_PURCHASE_STATES,
  type PurchaseRecord,
  type Workspace,
} from '../db/journal/purchase-journal-repo';
import { toSavedCard } from '../services/model-mappers';
import type { NoticeBoard } from '../services/notice-board';
import { PurchaseFlow, PurchaseRefusedError, toPurchase, type PurchaseFlowOptions } from './purchase-flow';
import {
  alreadyPaid,
  CANCELED,
  CANNOT_CANCEL_PROCESSING,
  CANNOT_CANCEL_REVIEW,
  inFlightConflict,
  NO_WORKSPACE,
  NOT_SENT,
  nothingToPay,
  OFFLINE_PURCHASE,
  PRICE_MOVED_IN_CACHE,
  reconciledNotice,
  type ReconcileTrigger,
} from './purchase-messages';

export interface PurchaseServiceOptions extends PurchaseFlowOptions {
  notices: NoticeBoard;
  /** True while the billing API is known to be unreachable. */
  isOffline: () => boolean;
}

/** Settled on every reconcile; the others wait for the manager (card, 3-D Secure) or, for review, a restart. */
const UNKNOWN_OUTCOME_STATES = new Set<PurchaseState>(['pending', 'processing']);
const OPEN_STATES = new Set<PurchaseState>(OPEN_PURCHASE_STATES);

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

  /** Every purchase of this workspace not settled yet, oldest first. */
  unfinished(): Purchase[] {
    const workspace = this.options.workspace();
    return workspace ? this.options.repos.purchases.unfinished(workspace).map(toPurchase) : [];
  }

  active(clientId: string): Purchase | null {
    const workspace = this.options.workspace();
    const record = workspace ? this.options.repos.purchases.openForClient(workspace, clientId) : null;
    return record ? toPurchase(record) : null;
  }

  async start(clientId: string, packId: string, expectedPrice: Money): Promise<Purchase> {
    const { repos } = this.options;
    const workspace = this.requireWorkspace();
    const open = repos.purchases.openForClient(workspace, clientId);
    if (open) return toPurchase(await this.join(open, packId));
    this.flow.requireApi();
    if (this.options.isOffline()) throw new AppError('offline', OFFLINE_PURCHASE);
    const client = repos.clients.get(clientId);
    if (!client) throw new AppError('not_found', 'That client is not in the app yet. Sync and try again.');
    const pack = repos.packs.list().find((candidate) => candidate.id === packId);
    if (!pack) throw new AppError('validation', 'That pack is no longer offered. Pick another pack.');
    if (!samePrice(pack.price, expectedPrice)) throw new AppError('conflict', PRICE_MOVED_IN_CACHE);
    let record: PurchaseRecord;
    try {
      record = repos.purchases.insertPending({
        id: randomUUID(),
        workspace,
        clientId,
        clientName: client.name,
        packId,
        tokens: pack.tokens,
        amount: expectedPrice,
        idempotencyKey: randomUUID(),
        card: toSavedCard(repos.account.get()?.card ?? null),
      });
    } catch (error) {
      const other = isOpenPurchaseConflict(error) ? repos.purchases.openForClient(workspace, clientId) : null;
      if (!other) throw error;
      return toPurchase(await this.join(other, packId));
    }
    this.flow.announce(record);
    this.flow.checkpoint('pending', record);
    return toPurchase(await this.track(record, () => this.flow.send(record, true)));
  }

  /** Asks the billing API again (after 3-D Secure, after Checkout, "Check again", or to learn an unknown outcome). */
  async refresh(purchaseId: string): Promise<Purchase> {
    const record = this.require(purchaseId);
    const running = this.inFlight.get(record.id);
    if (running) return toPurchase(await running);
    if (!OPEN_STATES.has(record.state)) return toPurchase(record);
    return toPurchase(await this.track(record, () => this.settleCurrent(record.id)));
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
      case 'needs_review':
        throw new AppError('conflict', CANNOT_CANCEL_REVIEW);
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
   * Settles the purchases of this workspace that a previous run (or a lost
   * connection) left unfinished. Each row is read again just before it is acted
   * on, and every write is a compare-and-set, so a purchase the manager moved on
   * meanwhile is left as the manager left it. The manager is told each outcome.
   */
  async reconcile(trigger: ReconcileTrigger): Promise<void> {
    const workspace = this.options.workspace();
    if (!this.options.api() || !workspace) return;
    this.options.repos.purchases.adoptUnowned(workspace);
    for (const listed of this.options.repos.purchases.unfinished(workspace)) {
      if (this.inFlight.has(listed.id)) continue;
      if (trigger === 'online' && !UNKNOWN_OUTCOME_STATES.has(listed.state)) continue;
      try {
        const after = await this.track(listed, () => this.settleCurrent(listed.id));
        this.tell(listed, after, trigger);
      } catch (error) {
        if (error instanceof PurchaseRefusedError) {
          this.tell(listed, error.record, trigger);
          continue;
        }
        this.options.logger.warn('A purchase could not be reconciled yet', {
          purchaseId: listed.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private tell(before: PurchaseRecord, after: PurchaseRecord, trigger: ReconcileTrigger): void {
    const notice = reconciledNotice(before, after, trigger);
    if (notice) this.options.notices.add(notice.level, notice.message);
  }

  /** Settles a purchase from its state as the journal has it now, not as some earlier read saw it. */
  private async settleCurrent(purchaseId: string): Promise<PurchaseRecord> {
    const record = this.require(purchaseId);
    if (!OPEN_STATES.has(record.state)) return record;
    // `pending` is committed before anything is sent and replaced before the request leaves: never sent.
    if (record.state === 'pending')
      return this.flow.write(record, { state: 'canceled', paymentError: NOT_SENT });
    return this.flow.settle(record);
  }

  private async cancelSent(record: PurchaseRecord): Promise<PurchaseRecord> {
    if (!record.topUpId) return this.flow.write(record, { state: 'canceled', paymentError: CANCELED });
    try {
      await this.flow.requireApi().cancelTopUp(record.topUpId);
    } catch (error) {
      // The payment went through after all (3-D Secure or Checkout finished elsewhere).
      if (error instanceof BillingApiError && error.status === 409) return this.flow.settle(record);
      throw error;
    }
    return this.flow.write(record, { state: 'canceled', clientSecret: null, paymentError: CANCELED });
  }

  private async join(open: PurchaseRecord, packId: string): Promise<PurchaseRecord> {
    if (open.packId !== packId) throw new AppError('conflict', inFlightConflict(open));
    const running = this.inFlight.get(open.id);
    if (running) return running;
    if (open.state === 'pending') return this.track(open, () => this.flow.send(open, true));
    if (open.state === 'processing') return this.track(open, () => this.settleCurrent(open.id));
    return open;
  }

  private track(record: PurchaseRecord, run: () => Promise<PurchaseRecord>): Promise<PurchaseRecord> {
    const running = this.inFlight.get(record.id);
    if (running) return running;
    const promise = run().finally(() => this.inFlight.delete(record.id));
    this.inFlight.set(record.id, promise);
    return promise;
  }

  private requireWorkspace(): Workspace {
    const workspace = this.options.workspace();
    if (!workspace) throw new AppError('conflict', NO_WORKSPACE);
    return workspace;
  }

  private require(purchaseId: string): PurchaseRecord {
    const record = this.options.repos.purchases.get(purchaseId);
    if (!record) throw new AppError('not_found', 'That purchase is not in the app.');
    return record;
  }
}
