import type Database from 'better-sqlite3';
import type { Client, Invoice } from '../../../shared/api/billing-api';
import { CACHE_SCOPES, type CacheScope } from '../../../shared/ipc/models';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import { BillingApiError, RequestCancelledError } from '../billing-api/billing-api-error';
import { clearMirroredData, removeClients, type Repositories } from '../db/repositories';
import { applyLedgerPage, rejectPage } from './apply-ledger-page';
import type { LedgerReadAhead } from './ledger-read-ahead';
import { syncProblemOf } from './sync-problem';

export interface PageSizes {
  clients: number;
  ledger: number;
  invoices: number;
}

export interface SyncReport {
  clientsFetched: number;
  ledgerEntriesFetched: number;
  invoicesFetched: number;
}

export interface SyncStepContext {
  db: Database.Database;
  repos: Repositories;
  api: BillingApiClient;
  signal: AbortSignal;
  pageSizes: PageSizes;
  report: SyncReport;
  changed(scopes: CacheScope[], clientIds?: string[]): void;
  /** Told after each stored ledger page, with how many entries it held. */
  progress?(entries: number): void;
  /** Clients the listing named but could not read in this run: set aside, their history not synced. */
  unreadableClients: Set<string>;
  now(): Date;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new RequestCancelledError();
}

export async function syncAccountAndCatalog(ctx: SyncStepContext): Promise<void> {
  const me = await ctx.api.getMe(ctx.signal);
  const packs = await ctx.api.listPacks(ctx.signal);
  const plans = await ctx.api.listPlans(ctx.signal);
  throwIfCancelled(ctx.signal);
  let accountChanged = false;
  let catalogChanged = 0;
  let otherAgency = false;
  ctx.db.transaction(() => {
    const cachedAgency = ctx.repos.account.get()?.agency.id;
    // The token now belongs to another agency (same billing API URL): nothing cached is theirs, and ids may
    // even coincide, so the mirror starts over. The purchase journal keeps the old agency's purchases.
    otherAgency = cachedAgency !== undefined && cachedAgency !== me.agency.id;
    if (otherAgency) clearMirroredData(ctx.db);
    accountChanged = ctx.repos.account.save(me);
    catalogChanged = ctx.repos.packs.replaceAll(packs.data) + ctx.repos.plans.replaceAll(plans.data);
  })();
  if (otherAgency) {
    ctx.changed([...CACHE_SCOPES]);
    return;
  }
  const scopes: CacheScope[] = [];
  if (accountChanged) scopes.push('account');
  if (catalogChanged > 0) scopes.push('catalog');
  if (scopes.length > 0) ctx.changed(scopes);
}

/**
 * Fetches clients page by page, each page in its own transaction: those changed
 * since the last sync, or with `complete` every client. Returns whether it read
 * the complete list; only then are cached clients it did not name removed, since
 * an incremental or interrupted listing says nothing about the others.
 * A client it cannot read is set aside with a sync problem, the others stored.
 */
export async function syncClients(ctx: SyncStepContext, complete: boolean): Promise<boolean> {
  const since = ctx.repos.syncCursors.clientsUpdatedSince();
  const updatedSince = complete ? null : since;
  const listed = new Set<string>();
  let newest = since;
  let cursor: string | undefined;
  let changed = 0;
  do {
    const page = await ctx.api.listClients(
      { updated_since: updatedSince ?? undefined, cursor, limit: ctx.pageSizes.clients },
      ctx.signal,
    );
    throwIfCancelled(ctx.signal);
    ctx.db.transaction(() => {
      changed += ctx.repos.clients.upsertMany(page.data);
      for (const { id, message } of page.unreadable) {
        const problem = new BillingApiError('validation', message);
        ctx.repos.syncProblems.record(syncProblemOf(ctx.repos, id, problem, ctx.now()));
      }
    })();
    for (const { id } of page.unreadable) {
      ctx.unreadableClients.add(id);
      listed.add(id);
    }
    ctx.report.clientsFetched += page.data.length;
    for (const client of page.data) {
      listed.add(client.id);
      if (newest === null || client.updated_at > newest) newest = client.updated_at;
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  // Only a complete pass may move the cursor: page cursors do not survive a restart. Past an unreadable
  // client it must not move either, or no incremental listing would name that client again.
  const unreadable = ctx.unreadableClients.size > 0;
  if (!unreadable && newest !== null && newest !== since)
    ctx.repos.syncCursors.setClientsUpdatedSince(newest);
  if (unreadable) ctx.changed(['clients'], [...ctx.unreadableClients]);
  if (changed > 0) ctx.changed(['clients']);
  if (updatedSince !== null) return false;
  const gone = ctx.repos.clients.ids().filter((id) => !listed.has(id));
  if (gone.length > 0) {
    removeClients(ctx.db, ctx.repos, gone);
    ctx.changed(['clients', 'ledger', 'invoices'], gone);
  }
  // While a client cannot be read, every run lists them all again: that is how it is noticed when it can be.
  return !unreadable;
}

/**
 * Appends ledger entries after the stored cursor; each page and the cursor move together. The next page is
 * asked for before this one is stored, so the billing API serves it meanwhile.
 */
async function syncLedger(ctx: SyncStepContext, clientId: string, pages: LedgerReadAhead): Promise<number> {
  let afterSeq = ctx.repos.syncCursors.ledgerAfterSeq(clientId);
  let inserted = 0;
  try {
    for (;;) {
      const page = await pages.take(clientId, afterSeq);
      throwIfCancelled(ctx.signal);
      const last = page.data.at(-1);
      const more = last !== undefined && page.next_cursor !== null;
      if (more) pages.request(clientId, last.seq);
      inserted += applyLedgerPage(ctx.db, ctx.repos, clientId, afterSeq, page.data);
      if (!last) break;
      ctx.report.ledgerEntriesFetched += page.data.length;
      ctx.progress?.(page.data.length);
      afterSeq = last.seq;
      if (!more) break;
    }
  } finally {
    // A page refused, or a run cancelled, leaves the page asked for after it unread.
    pages.drop(clientId);
  }
  return inserted;
}

/**
 * Invoices can change status, so the whole list is fetched again whenever the client changed, and while a
 * recent top-up's invoice has not been listed yet.
 */
async function syncInvoices(ctx: SyncStepContext, client: Client, mustFetch: boolean): Promise<number> {
  const cursors = ctx.repos.syncCursors;
  const unchanged = cursors.invoicesSyncedFor(client.id) === client.updated_at;
  if (!mustFetch && unchanged && !ctx.repos.invoices.awaitsTopUpInvoice(client.id)) return 0;
  const invoices: Invoice[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.api.listInvoices(client.id, { cursor, limit: ctx.pageSizes.invoices }, ctx.signal);
    throwIfCancelled(ctx.signal);
    for (const invoice of page.data) {
      if (invoice.client_id !== client.id) {
        rejectPage(`client ${client.id}'s invoices`, `invoice ${invoice.id} belongs to ${invoice.client_id}`);
      }
    }
    invoices.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  let changed = 0;
  ctx.db.transaction(() => {
    changed = ctx.repos.invoices.replaceForClient(client.id, invoices);
    cursors.setInvoicesSyncedFor(client.id, client.updated_at);
  })();
  ctx.report.invoicesFetched += invoices.length;
  return changed;
}

/**
 * `refetchInvoices` reads the invoices even when neither the log nor the cached client changed: a purchase
 * stores its own credit entry and balance, so only its new invoice is missing, and nothing else shows it.
 */
export async function syncClientHistory(
  ctx: SyncStepContext,
  clientId: string,
  refetchInvoices: boolean,
  ledgerPages: LedgerReadAhead,
): Promise<void> {
  const client = ctx.repos.clients.get(clientId);
  if (!client) return;
  const newEntries = await syncLedger(ctx, clientId, ledgerPages);
  const invoicesChanged = await syncInvoices(ctx, client, newEntries > 0 || refetchInvoices);
  const scopes: CacheScope[] = [];
  if (newEntries > 0) scopes.push('ledger');
  if (invoicesChanged > 0) scopes.push('invoices');
  if (scopes.length > 0) ctx.changed(scopes, [clientId]);
}
