import type Database from 'better-sqlite3';
import type { Me } from '../../../shared/api/billing-api';
import { CACHE_SCOPES, type CacheScope } from '../../../shared/ipc/models';
import type { BillingApiClient } from '../billing-api/billing-api-client';
import { clearMirroredData, type Repositories } from '../db/repositories';
import type { EventBus } from '../runtime/event-bus';
import type { Credentials } from '../secrets/secret-store';

export interface ActiveSession {
  apiUrl: string;
  token: string;
  /** True for the embedded billing sandbox. */
  demo: boolean;
  /** Which backend the cache and the purchase journal belong to: the canonical API URL, or the sandbox. */
  owner: string;
  api: BillingApiClient;
}

const CACHE_OWNER_KEY = 'cache_owner';
const API_URL_KEY = 'api_url';
/** The embedded sandbox gets a new port each run but keeps its data, so it is one owner. */
const SANDBOX_OWNER = 'sandbox';

function canonicalApiUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Who the app is talking to. The cache belongs to one billing backend and one
 * agency; switching to another forgets the mirrored data rather than mixing them.
 */
export class SessionManager {
  private active: ActiveSession | null = null;

  constructor(
    private readonly deps: {
      db: Database.Database;
      repos: Repositories;
      events: EventBus;
      createApi: (credentials: Credentials) => BillingApiClient;
    },
  ) {}

  current(): ActiveSession | null {
    return this.active;
  }

  api(): BillingApiClient | null {
    return this.active?.api ?? null;
  }

  /** `me`, when already fetched, is stored at once so the workspace shows without waiting for a sync. */
  activate(credentials: Credentials, options: { demo: boolean; me?: Me }): ActiveSession {
    const { db, repos, events } = this.deps;
    const owner = options.demo ? SANDBOX_OWNER : canonicalApiUrl(credentials.apiUrl);
    const previousOwner = repos.meta.get(CACHE_OWNER_KEY);
    const cachedAgency = repos.account.get()?.agency.id;
    const otherAgency =
      options.me !== undefined && cachedAgency !== undefined && cachedAgency !== options.me.agency.id;
    const scopes = new Set<CacheScope>();
    db.transaction(() => {
      if ((previousOwner !== null && previousOwner !== owner) || otherAgency) {
        clearMirroredData(db);
        CACHE_SCOPES.forEach((scope) => scopes.add(scope));
      }
      repos.meta.set(CACHE_OWNER_KEY, owner);
      // Invoice links point at the API's address, which moves with the sandbox's port.
      const apiUrl = canonicalApiUrl(credentials.apiUrl);
      if (repos.meta.get(API_URL_KEY) !== apiUrl) {
        repos.syncCursors.forgetInvoicesSynced();
        repos.meta.set(API_URL_KEY, apiUrl);
      }
      if (options.me && repos.account.save(options.me)) scopes.add('account');
    })();
    this.active = { ...credentials, demo: options.demo, owner, api: this.deps.createApi(credentials) };
    if (scopes.size > 0) events.emit('cache.changed', { scopes: [...scopes] });
    return this.active;
  }

  deactivate(): void {
    this.active = null;
  }
}
