/**
 * The one typed contract between the renderer and the app core. Electron's
 * main process, the preload bridge and the web host are all generated from
 * this table: adding a channel here is the only step needed to expose it.
 */
import { z } from 'zod';
import { Id, Money } from '../api/primitives';
import { BillingApiUrl } from '../security/billing-api-url';
import {
  Account,
  AppInfo,
  CacheScope,
  Catalog,
  ClientDetail,
  ClientSortKey,
  ClientSummary,
  Notice,
  SortDirection,
  ClientListShow,
  SyncStatus,
} from './models';
import { ExportResult, InvoiceModel, LedgerFilter, LedgerPageResult, Provenance } from './ledger-models';
import { UpdateStatus } from './update-models';
import { ClientHistoryModel, ClientInsights, DashboardModel } from './insight-models';
import { AutoReloadSettings, CheckoutStart, Purchase, StripeConfig } from './purchase-models';

const NoInput = z.strictObject({});

export const channels = {
  'app.info': { input: NoInput, output: AppInfo },
  'session.signIn': {
    input: z.strictObject({
      apiUrl: BillingApiUrl,
      token: z.string().trim().min(1).max(4096),
    }),
    output: AppInfo,
  },
  'session.signOut': { input: NoInput, output: AppInfo },
  'account.get': {
    /** `refresh` asks the billing API first (the card may have changed elsewhere); offline, the cache answers. */
    input: z.strictObject({ refresh: z.boolean().default(false) }),
    output: Account.nullable(),
  },
  /** Opens Checkout in setup mode: the card entered replaces the agency's saved card, nothing is charged. */
  'account.updateCard': { input: NoInput, output: CheckoutStart },
  /**
   * Searched, filtered and sorted; `limit` clients at a time after `after` (the previous page's `nextCursor`),
   * or all of them without a limit. `total` counts every client, `matching` those the search and filter keep.
   */
  'clients.list': {
    input: z.strictObject({
      search: z.string().max(200).default(''),
      sort: ClientSortKey.default('name'),
      direction: SortDirection.default('asc'),
      show: ClientListShow.default('all'),
      after: z.string().max(2_000).nullable().default(null),
      limit: z.int().min(1).max(1_000).nullable().default(null),
    }),
    output: z.object({
      items: z.array(ClientSummary),
      total: z.int().nonnegative(),
      matching: z.int().nonnegative(),
      nextCursor: z.string().nullable(),
    }),
  },
  'clients.get': { input: z.strictObject({ clientId: Id }), output: ClientDetail.nullable() },
  'catalog.get': { input: NoInput, output: Catalog },
  'sync.status': { input: NoInput, output: SyncStatus },
  'sync.now': { input: NoInput, output: SyncStatus },
  /** A cheap reachability check the visible window makes, so an outage (and the return) shows within seconds. */
  'sync.probe': { input: NoInput, output: SyncStatus },
  'ledger.page': {
    input: z.strictObject({
      clientId: Id,
      filter: LedgerFilter.prefault({}),
      before: z.int().positive().nullable().default(null),
      limit: z.int().min(1).max(500).default(100),
    }),
    output: LedgerPageResult,
  },
  'ledger.count': {
    input: z.strictObject({ clientId: Id, filter: LedgerFilter.prefault({}) }),
    output: z.object({ matching: z.int().nonnegative(), total: z.int().nonnegative() }),
  },
  'ledger.export': {
    input: z.strictObject({ clientId: Id, filter: LedgerFilter.prefault({}) }),
    output: ExportResult,
  },
  'ledger.provenance': { input: z.strictObject({ clientId: Id }), output: Provenance.nullable() },
  /** A client's runway forecast and plan advice, worked out from the cache. */
  'insights.client': { input: z.strictObject({ clientId: Id }), output: ClientInsights.nullable() },
  /** Balance and usage per day over the last `days` days, with the forecast's continuation, for the charts. */
  'insights.history': {
    input: z.strictObject({ clientId: Id, days: z.int().min(7).max(730).default(365) }),
    output: ClientHistoryModel.nullable(),
  },
  /** Every client ranked by what needs attention, and the agency's month. */
  'dashboard.get': { input: NoInput, output: DashboardModel },
  'invoices.list': {
    input: z.strictObject({ clientId: Id }),
    output: z.object({ invoices: z.array(InvoiceModel) }),
  },
  'invoices.save': { input: z.strictObject({ invoiceId: Id }), output: ExportResult },
  'notices.list': { input: NoInput, output: z.array(Notice) },
  'notices.dismiss': { input: z.strictObject({ id: z.string().min(1) }), output: z.array(Notice) },
  'purchases.start': {
    /** `expectedPrice` is the price the manager confirmed; a different current price charges nothing. */
    input: z.strictObject({ clientId: Id, packId: Id, expectedPrice: Money }),
    output: Purchase,
  },
  'purchases.get': { input: z.strictObject({ purchaseId: Id }), output: Purchase.nullable() },
  'purchases.active': { input: z.strictObject({ clientId: Id }), output: Purchase.nullable() },
  'purchases.refresh': { input: z.strictObject({ purchaseId: Id }), output: Purchase },
  'purchases.checkout': { input: z.strictObject({ purchaseId: Id }), output: CheckoutStart },
  'purchases.cancel': { input: z.strictObject({ purchaseId: Id }), output: Purchase },
  'autoReload.update': {
    input: z.strictObject({ clientId: Id, settings: AutoReloadSettings }),
    output: ClientDetail,
  },
  'stripe.config': { input: NoInput, output: StripeConfig },
  'update.status': { input: NoInput, output: UpdateStatus },
  'update.restart': { input: NoInput, output: UpdateStatus },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/** Events pushed from the core to every open window. */
export const events = {
  'cache.changed': z.object({
    scopes: z.array(CacheScope).min(1),
    clientIds: z.array(Id).optional(),
  }),
  'sync.status': SyncStatus,
  'notices.changed': z.array(Notice),
  'update.status': UpdateStatus,
  'purchases.changed': Purchase,
} as const satisfies Record<string, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives, after validation and defaults. */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** The core implements one async handler per channel. */
export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/**
 * What the renderer sees as `window.api` (Electron preload) or the HTTP bridge
 * (web host). `invoke` rejects with an AppError; `on` returns an unsubscribe function.
 */
export interface RendererApi {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The raw bridge the preload exposes: results are envelopes, so errors keep their kind across IPC. */
export interface RawBridge {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Electron IPC channel names are namespaced so nothing else on ipcMain can collide. */
export const IPC_INVOKE_PREFIX = 'abc:invoke:';
export const IPC_EVENT_PREFIX = 'abc:event:';
