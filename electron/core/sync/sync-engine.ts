import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { SyncStatus } from '../../../shared/ipc/models';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import { BillingApiError } from '../billing-api/billing-api-error';
import type { Repositories } from '../db/repositories';
import type { Logger } from '../runtime/types';
import { syncClientHistories } from './client-histories';
import { failedSyncStatus, restingSyncStatus, type StatusFields } from './resting-and-failed-status';
import {
  type PageSizes,
  type SyncReport,
  type SyncStepContext,
  syncAccountAndCatalog,
  syncClients,
} from './sync-steps';

export interface SyncEngineOptions {
  db: Database.Database;
  repos: Repositories;
  /** The signed-in billing API, or null when signed out. */
  getApi: () => BillingApiClient | null;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  logger: Logger;
  intervalMs?: number;
  /** While the billing API is unreachable, sync retries on its own this often (doubling from min to max). */
  offlineRetryMs?: { min: number; max: number };
  pageSizes?: Partial<PageSizes>;
  now?: () => Date;
}

export interface SyncResult {
  status: SyncStatus;
  /** What was fetched, when the run got to the end. */
  report: SyncReport | null;
}

export const DEFAULT_SYNC_INTERVAL_MS = 60_000;
export const DEFAULT_OFFLINE_RETRY_MS = { min: 5_000, max: 30_000 };
const PROGRESS_EVENT_GAP_MS = 100;
/**
 * Ledger pages are as long as the API allows: every page costs a request and a transaction that flushes the
 * search index and rewrites the client's buckets and cursor, so 1,000-entry pages store a long history about
 * 15 % faster than 500-entry ones (sync-e2e-bench.ts).
 */
export const DEFAULT_PAGE_SIZES: PageSizes = { clients: 100, ledger: 1000, invoices: 100 };
/**
 * Listing clients by `updated_since` never shows one deleted on the billing
 * service, so the whole list is read on the first sync of each app run and then
 * at most this often: a deleted client lingers for minutes, while a workspace of
 * thousands of clients (one request per 100) is not listed whole every minute.
 */
export const COMPLETE_CLIENT_LISTING_EVERY_MS = 10 * 60_000;
const PROBE_TIMEOUT_MS = 4_000;

interface Run {
  promise: Promise<SyncResult>;
  abort: AbortController;
  /** False for a run that syncs only urgent clients' histories. */
  everything: boolean;
}

/**
 * Mirrors the billing service into the cache: at start, on an interval and on
 * request. Only one run at a time; asking again while one runs joins it. A
 * client asked for urgently (after a purchase) is synced next, inside the
 * running run or in a short run of its own.
 */
export class SyncEngine {
  private current: SyncStatus;
  private revision = 0;
  private running: Run | null = null;
  /** Clients whose history must be synced before any other's (see syncClientFirst). */
  private readonly urgent = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private retry: { timer: NodeJS.Timeout; delayMs: number } | null = null;
  private readonly pageSizes: PageSizes;
  private readonly now: () => Date;
  /** When the last complete client listing started, in this app run. */
  private completeListingAt: number | null = null;

  constructor(private readonly options: SyncEngineOptions) {
    this.pageSizes = { ...DEFAULT_PAGE_SIZES, ...options.pageSizes };
    this.now = options.now ?? (() => new Date());
    this.current = { ...this.restingStatus(), revision: this.revision };
  }

  status(): SyncStatus {
    return this.current;
  }

  /** Syncs now and then every interval until stopped. */
  start(): void {
    if (this.timer) return;
    void this.syncNow();
    this.timer = setInterval(() => void this.syncNow(), this.options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  syncNow(): Promise<SyncResult> {
    const running = this.running;
    if (running) return running.everything ? running.promise : running.promise.then(() => this.syncNow());
    return this.begin(true);
  }

  /**
   * Syncs this client's credit log and invoices before any other's, e.g. right
   * after a purchase, whose invoice nothing else brings: a running sync takes
   * it next, between two clients; otherwise a short run syncs it alone.
   */
  syncClientFirst(clientId: string): void {
    this.urgent.add(clientId);
    if (!this.running) void this.begin(false);
  }

  private begin(everything: boolean): Promise<SyncResult> {
    const api = this.options.getApi();
    if (!api) {
      this.setStatus(this.restingStatus());
      return Promise.resolve({ status: this.current, report: null });
    }
    const abort = new AbortController();
    const promise = this.run(api, abort.signal, everything).finally(() => {
      this.running = null;
      // Asked for after this run had passed the client histories: its turn now, unless the API is out of reach
      // or the run was called off (stop, sign-in elsewhere), which must leave the cache alone.
      const urgentNext = this.urgent.size > 0 && !abort.signal.aborted && this.current.state !== 'offline';
      if (urgentNext) void this.begin(false);
      else this.retryWhileUnreachable();
    });
    this.running = { promise, abort, everything };
    return promise;
  }

  /** Abandons the running sync (if any) and waits until it has let go of the cache. */
  async cancel(): Promise<void> {
    const running = this.running;
    if (!running) return;
    running.abort.abort();
    await running.promise;
  }

  /**
   * A request outside sync (a purchase, a download, the probe) could not reach
   * the billing API: the app says offline at once instead of "Synced just now"
   * until the next sync, and starts trying again. A running sync reports its own.
   */
  noteUnreachable(error: AppError): void {
    const { state, lastSyncedAt } = this.current;
    if (this.running || state === 'offline' || state === 'signed_out') return;
    this.setStatus({ state: 'offline', lastSyncedAt, progress: null, error: error.toShape(), clients: null });
    this.retryWhileUnreachable();
  }

  /**
   * The visible window's cheap check: one small request with a short timeout.
   * Unreachable flips the state to offline; reachable again while offline
   * syncs at once, which brings the state (and the numbers) back.
   */
  async probe(): Promise<SyncStatus> {
    const api = this.options.getApi();
    if (!api || this.running) return this.current;
    const deadline = AbortSignal.timeout(PROBE_TIMEOUT_MS);
    try {
      await api.getMe(deadline);
    } catch (error) {
      const offline = error instanceof BillingApiError && error.kind === 'offline';
      if (offline || deadline.aborted)
        this.noteUnreachable(
          offline
            ? error
            : new AppError('offline', "The billing service didn't answer a quick check in time."),
        );
      return this.current;
    }
    if (this.current.state === 'offline') return (await this.syncNow()).status;
    return this.current;
  }

  /** Re-reads whether anyone is signed in and reports it (after sign-in/out or a cache reset). */
  refreshStatus(): void {
    if (!this.running) this.setStatus(this.restingStatus());
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopRetrying();
    await this.cancel();
  }

  /**
   * An unreachable or failing billing API is tried again soon, backing off, so
   * the app comes back online by itself rather than at the next interval.
   */
  private retryWhileUnreachable(): void {
    const { state, error } = this.current;
    const unreachable = state === 'offline' || (state === 'error' && error?.kind === 'server');
    if (!unreachable || !this.timer) {
      this.stopRetrying();
      return;
    }
    const limits = this.options.offlineRetryMs ?? DEFAULT_OFFLINE_RETRY_MS;
    const delayMs = this.retry ? Math.min(this.retry.delayMs * 2, limits.max) : limits.min;
    if (this.retry) clearTimeout(this.retry.timer);
    const timer = setTimeout(() => void this.syncNow(), delayMs);
    timer.unref();
    this.retry = { timer, delayMs };
  }

  private stopRetrying(): void {
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = null;
  }

  private restingStatus(): StatusFields {
    return restingSyncStatus(this.options.repos, this.options.getApi() !== null);
  }

  private setStatus(status: StatusFields): void {
    this.revision += 1;
    this.current = { ...status, revision: this.revision };
    this.options.emit('sync.status', this.current);
  }

  private async run(api: BillingApiClient, signal: AbortSignal, everything: boolean): Promise<SyncResult> {
    const { db, repos, emit, logger } = this.options;
    const lastSyncedAt = repos.syncCursors.lastSyncedAt();
    const syncing = (progress: SyncStatus['progress']) =>
      this.setStatus({ state: 'syncing', lastSyncedAt, progress, error: null, clients: null });
    const counts = { done: 0, total: 0, label: 'clients', entries: 0 };
    let lastProgressAt = 0;
    const onEntries = (entries: number) => {
      counts.entries += entries;
      const at = Date.now();
      if (at - lastProgressAt < PROGRESS_EVENT_GAP_MS) return;
      lastProgressAt = at;
      syncing({ ...counts });
    };
    const report: SyncReport = { clientsFetched: 0, ledgerEntriesFetched: 0, invoicesFetched: 0 };
    const ctx: SyncStepContext = {
      db,
      repos,
      api,
      signal,
      pageSizes: this.pageSizes,
      report,
      changed: (scopes, clientIds) => emit('cache.changed', clientIds ? { scopes, clientIds } : { scopes }),
      progress: onEntries,
      unreadableClients: new Set(),
      now: this.now,
    };
    try {
      // A retry while offline stays "Offline" until the billing API answers: flashing "Syncing…" on every
      // attempt would hide the offline banner each time.
      const retryingOffline = this.current.state === 'offline';
      if (!retryingOffline) syncing(null);
      if (everything) {
        await syncAccountAndCatalog(ctx);
        if (retryingOffline) syncing(null);
        await this.listClients(ctx, this.completeListingDue());
      }
      const { setAside } = await syncClientHistories(ctx, everything ? repos.clients.ids() : [], {
        now: this.now,
        onClient: (done, total) => {
          counts.done = done;
          counts.total = total;
          syncing({ ...counts });
        },
        relist: () => this.listClients(ctx, true),
        takeUrgent: () => {
          const [clientId] = this.urgent;
          if (clientId !== undefined) this.urgent.delete(clientId);
          return clientId;
        },
      });
      if (setAside > 0) logger.warn('Some clients could not be synced', { setAside });
      // A run for urgent clients alone says nothing about how fresh the rest of the mirror is.
      if (everything) repos.syncCursors.setLastSyncedAt(this.now().toISOString());
      this.setStatus(this.restingStatus());
      return { status: this.current, report };
    } catch (error) {
      this.setStatus(failedSyncStatus(error, lastSyncedAt, signal) ?? this.restingStatus());
      if (this.current.state === 'error') {
        const details = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
        if (error instanceof AppError) logger.warn('Sync failed', details);
        else logger.error('Sync failed unexpectedly', details);
      }
      return { status: this.current, report: null };
    }
  }

  private completeListingDue(): boolean {
    if (this.completeListingAt === null) return true;
    const elapsed = this.now().getTime() - this.completeListingAt;
    // A clock set back must not postpone the listing by as much.
    return elapsed < 0 || elapsed >= COMPLETE_CLIENT_LISTING_EVERY_MS;
  }

  private async listClients(ctx: SyncStepContext, complete: boolean): Promise<void> {
    const startedAt = this.now().getTime();
    if (await syncClients(ctx, complete)) this.completeListingAt = startedAt;
  }
}
