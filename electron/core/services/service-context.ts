import type { BillingApiClient } from '../billing-api/billing-api-client';
import type { Repositories } from '../db/repositories';
import type { SecretStore, Credentials } from '../secrets/secret-store';
import type { SessionManager } from '../session/session-manager';
import type { SyncEngine } from '../sync/sync-engine';
import type { NoticeBoard } from './notice-board';

/** What the channel handlers may use. They read the cache only; the network is the sync engine's job. */
export interface ServiceContext {
  version: string;
  repos: Repositories;
  session: SessionManager;
  sync: SyncEngine;
  notices: NoticeBoard;
  secretStore: SecretStore;
  createApi: (credentials: Credentials) => BillingApiClient;
}
