import type { BillingApiClient } from '../billing-api/billing-api-client';
import type { Repositories } from '../db/repositories';
import type { FilesPort } from '../files/files-port';
import type { SecretStore, Credentials } from '../secrets/secret-store';
import type { SessionManager } from '../session/session-manager';
import type { SyncEngine } from '../sync/sync-engine';
import type { UpdatePort } from '../updates/update-port';
import type { EventBus } from '../runtime/event-bus';
import type { PurchaseService } from '../purchases/purchase-service';
import type { NoticeBoard } from './notice-board';

/**
 * What the channel handlers may use. They answer from the cache; only payments and
 * settings changes go to the billing API directly (the rest is the sync engine's job).
 */
export interface ServiceContext {
  version: string;
  repos: Repositories;
  session: SessionManager;
  sync: SyncEngine;
  notices: NoticeBoard;
  secretStore: SecretStore;
  createApi: (credentials: Credentials) => BillingApiClient;
  /** Where exports and saved invoices go: the host's save dialog or download. */
  files: FilesPort;
  purchases: PurchaseService;
  emit: EventBus['emit'];
  /** The embedded sandbox's Stripe.js stand-in; null with a real backend. */
  standInScriptUrl: string | null;
  /** The core's clock (tests move it): forecasts count days from it. */
  now(): Date;
  /** Present only where the app updates itself (Electron); the web host has none. */
  updates?: UpdatePort;
}
