/**
 * The app's own model, as the renderer sees it (camelCase, from the local cache).
 * The wire format of the billing API is in ../api.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Money, TokenCount } from '../api/primitives';
import { AppErrorShape } from './errors';

export const BalanceSplit = z.object({ total: TokenCount, plan: TokenCount, topUp: TokenCount });
export type BalanceSplit = z.infer<typeof BalanceSplit>;

export const Workspace = z.object({
  agencyName: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  /** True when the app talks to the embedded billing sandbox rather than a real backend. */
  demo: z.boolean(),
  apiUrl: z.string(),
});
export type Workspace = z.infer<typeof Workspace>;

export const AppInfo = z.object({
  version: z.string(),
  /** Null until signed in (a real backend needs an API URL and token first). */
  workspace: Workspace.nullable(),
  signedIn: z.boolean(),
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const SavedCard = z.object({
  brand: z.string(),
  last4: z.string(),
  expMonth: z.int(),
  expYear: z.int(),
});
export type SavedCard = z.infer<typeof SavedCard>;

export const Account = z.object({
  agencyName: z.string(),
  userName: z.string(),
  userEmail: z.string(),
  card: SavedCard.nullable(),
  /** The saved card's last decline, until it works again or is replaced: it stops every client's charges. */
  cardDeclined: z.object({ at: IsoDateTime, message: z.string() }).nullable(),
  /** Clients whose Auto Reload charges that card (and cannot while it declines). */
  autoReloadClients: z.int().nonnegative(),
});
export type Account = z.infer<typeof Account>;

export const CLIENT_SORT_KEYS = ['name', 'balance', 'renewal'] as const;
export const ClientSortKey = z.enum(CLIENT_SORT_KEYS);
export type ClientSortKey = z.infer<typeof ClientSortKey>;
export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;
/** Every client, or only those blocked now (a refused submission the balance does not cover). */
export const ClientListShow = z.enum(['all', 'blocked']);
export type ClientListShow = z.infer<typeof ClientListShow>;

/**
 * A submission the platform refused for lack of tokens. It is never run later: once the balance covers it
 * (`shortfall` 0) the client has to resubmit it, and it stays here until a submission at least as large is accepted.
 */
export const BlockedWork = z.object({
  description: z.string(),
  tokensRequested: z.int().positive(),
  /** Tokens still missing now (0 once the balance covers it). */
  shortfall: z.int().nonnegative(),
});
export type BlockedWork = z.infer<typeof BlockedWork>;

export const ClientSummary = z.object({
  id: Id,
  name: z.string(),
  planTier: z.string(),
  planName: z.string(),
  tokensPerCycle: TokenCount,
  renewalDate: IsoDate,
  balance: BalanceSplit,
  lowBalance: z.boolean(),
  updatedAt: IsoDateTime,
  /** Set while the sync cannot read or store this client's data (the others still sync). */
  syncProblem: z.object({ message: z.string(), at: IsoDateTime }).nullable(),
  blockedWork: BlockedWork.nullable(),
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const ClientDetail = ClientSummary.extend({
  /** What "Copy details" copies while there is a sync problem: enough for a support ticket. */
  syncProblemDetails: z.string().nullable(),
  planPrice: Money,
  cycleStart: IsoDate,
  autoReload: z.object({
    enabled: z.boolean(),
    threshold: TokenCount,
    packId: Id.nullable(),
    /** Most auto reloads per billing cycle; null means no cap. */
    monthlyLimit: z.int().positive().nullable(),
  }),
  /** The latest usage refused for lack of tokens (drives the Insufficient Tokens dialog), or null. */
  insufficientTokens: z
    .object({
      submissionId: Id,
      tokensRequested: z.int().positive(),
      shortfall: z.int().positive(),
      at: IsoDateTime,
      description: z.string(),
    })
    .nullable(),
});
export type ClientDetail = z.infer<typeof ClientDetail>;

export const PackModel = z.object({ id: Id, tokens: TokenCount, price: Money });
export type PackModel = z.infer<typeof PackModel>;

export const PlanModel = z.object({
  tier: z.string(),
  name: z.string(),
  tokensPerCycle: TokenCount,
  price: Money,
});
export type PlanModel = z.infer<typeof PlanModel>;

export const Catalog = z.object({ packs: z.array(PackModel), plans: z.array(PlanModel) });
export type Catalog = z.infer<typeof Catalog>;

export const SyncState = z.enum(['idle', 'syncing', 'offline', 'error', 'signed_out']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** When the cache last completed a full sync with the billing API. */
  lastSyncedAt: IsoDateTime.nullable(),
  /**
   * While syncing: `done` of `total` clients (label "clients", a noun to print
   * after the counts: "Syncing credit logs… 12 of 25 clients"). The billing API does not say
   * how long a ledger is, so entries cannot be a fraction; `entries` counts the
   * credit-log entries fetched so far in this run, for a first sync of a long
   * log.
   */
  progress: z
    .object({
      done: z.int().nonnegative(),
      total: z.int().nonnegative(),
      label: z.string(),
      entries: z.int().nonnegative().default(0),
    })
    .nullable(),
  error: AppErrorShape.nullable(),
  /** Set when some clients could not be synced (the rest were): "Synced 24 of 25 clients". */
  clients: z.object({ synced: z.int().nonnegative(), total: z.int().nonnegative() }).nullable().default(null),
  /**
   * Increases with every change of status in one run of the core. A reply and
   * an event travel on different channels and can arrive out of order; the
   * renderer keeps whichever status has the higher revision.
   */
  revision: z.int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The status to show: never an older one over a newer one. */
export function newerSyncStatus(current: SyncStatus | undefined, incoming: SyncStatus): SyncStatus {
  return current && current.revision > incoming.revision ? current : incoming;
}

export const Notice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  at: IsoDateTime,
});
export type Notice = z.infer<typeof Notice>;

export const CACHE_SCOPES = ['account', 'clients', 'catalog', 'ledger', 'invoices'] as const;
export const CacheScope = z.enum(CACHE_SCOPES);
export type CacheScope = z.infer<typeof CacheScope>;
