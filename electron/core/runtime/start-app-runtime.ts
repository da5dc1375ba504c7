import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { startSandbox } from '../../../sandbox/server';
import { BillingApiClient } from '../billing-api/billing-api-client';
import { resolveConfig } from '../config';
import { openCache } from '../db/open-cache';
import { createRepositories } from '../db/repositories';
import { noFilesPort } from '../files/files-port';
import { dispatch } from '../ipc/dispatch';
import type { Credentials } from '../secrets/secret-store';
import { createHandlers } from '../services';
import { NoticeBoard } from '../services/notice-board';
import { DEFAULT_RETRY_DELAYS_MS } from '../purchases/purchase-requests';
import { PurchaseService } from '../purchases/purchase-service';
import { SessionManager } from '../session/session-manager';
import { SyncEngine } from '../sync/sync-engine';
import { currentLinkOrigins } from '../services/link-origins';
import { consoleLogger } from './console-logger';
import { createEventBus, type EventBus } from './event-bus';
import type { AppRuntime, AppRuntimeOptions, Logger } from './types';

export const CACHE_REBUILT_MESSAGE =
  'The local cache was damaged and has been set aside; it is being rebuilt from the billing service. ' +
  'Your purchase records are kept in their own file, which was checked and is intact.';

export const JOURNAL_SET_ASIDE_MESSAGE =
  "The file with this computer's purchase records was damaged and has been set aside. Top ups bought " +
  "before now can no longer be checked automatically: look for them in each client's credit log.";

interface StartupSession {
  credentials: Credentials;
  demo: boolean;
}

/**
 * Starts the app core: cache, session, sync and the channel handlers. Both the
 * Electron main process and the web host run this. Handlers answer from the
 * cache at once; the network is only touched by sync and sign-in.
 */
export async function startAppRuntime(options: AppRuntimeOptions): Promise<AppRuntime> {
  const logger = options.logger ?? consoleLogger;
  const config = resolveConfig(options.env, options.defaultDataDir);
  const events = createEventBus(logger);

  const sandbox =
    config.mode === 'sandbox'
      ? await startSandbox({
          port: config.sandboxPort,
          dataDir: path.join(config.dataDir, 'sandbox'),
          nativeBinding: options.nativeBinding,
          ...(options.packaged
            ? { controls: false, stripeStandIn: true, token: randomBytes(32).toString('base64url') }
            : {}),
        })
      : null;

  try {
    const now = options.now ?? (() => new Date());
    const cache = openCache({ dataDir: config.dataDir, nativeBinding: options.nativeBinding, now });
    if (cache.recovery) logger.warn('The cache was damaged and has been set aside', { ...cache.recovery });
    if (cache.journalRecovery)
      logger.error('The purchase journal was damaged and has been set aside', { ...cache.journalRecovery });
    const { db } = cache;
    const repos = createRepositories(db, now);
    // Only the signed-in backend's failures say the app is offline; a sign-in attempt elsewhere says nothing.
    const createApi = (credentials: Credentials) =>
      new BillingApiClient({
        baseUrl: credentials.apiUrl,
        token: credentials.token,
        onUnreachable: (error) => {
          if (session.current()?.apiUrl === credentials.apiUrl) sync.noteUnreachable(error);
        },
      });
    const session = new SessionManager({ db, repos, events, createApi });
    const sync = new SyncEngine({
      db,
      repos,
      getApi: () => session.api(),
      emit: events.emit,
      logger,
      intervalMs: options.syncIntervalMs,
      offlineRetryMs: options.offlineRetryMs,
    });
    const notices = new NoticeBoard((list) => events.emit('notices.changed', list));
    if (cache.recovery) notices.add('warning', CACHE_REBUILT_MESSAGE);
    if (cache.journalRecovery) notices.add('error', JOURNAL_SET_ASIDE_MESSAGE);
    const purchases = new PurchaseService({
      db,
      repos,
      api: () => session.api(),
      workspace: () => {
        const owner = session.current()?.owner;
        const agencyId = repos.account.get()?.agency.id;
        return owner && agencyId ? { owner, agencyId } : null;
      },
      now,
      emit: events.emit,
      syncSoon: (clientId) => sync.syncClientFirst(clientId),
      logger,
      notices,
      isOffline: () => sync.status().state === 'offline',
      retryDelaysMs: options.purchases?.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      checkpoint: options.purchases?.checkpoint,
    });

    const startup: StartupSession | null = sandbox
      ? { credentials: { apiUrl: sandbox.url, token: sandbox.token }, demo: true }
      : await remoteCredentials(config, options);
    if (startup) session.activate(startup.credentials, { demo: startup.demo });
    sync.refreshStatus();

    const secretStore = options.secretStore;
    const handlers = createHandlers({
      version: options.version,
      repos,
      session,
      sync,
      notices,
      secretStore,
      createApi,
      updates: options.updates,
      files: options.files ?? noFilesPort,
      purchases,
      emit: events.emit,
      standInScriptUrl: sandbox ? `${sandbox.url}/stripe/v3.js` : null,
      now,
    });
    const stopUpdateEvents = options.updates?.onStatus((status) => events.emit('update.status', status));
    const stopReconciling = reconcileWhenReachable(purchases, events, logger);
    sync.start();

    return {
      handlers,
      events,
      invoke: (channel, rawInput) => dispatch(handlers, channel, rawInput, logger),
      sandbox: sandbox ? { url: sandbox.url, token: sandbox.token } : null,
      linkOrigins: () => currentLinkOrigins({ session, repos }),
      async stop() {
        stopUpdateEvents?.();
        stopReconciling();
        await sync.stop();
        db.close();
        await sandbox?.close();
      },
    };
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
}

/** A remote backend: the environment's token, else saved credentials for the same URL, else signed out. */
async function remoteCredentials(
  config: ReturnType<typeof resolveConfig>,
  options: AppRuntimeOptions,
): Promise<StartupSession | null> {
  if (config.mode !== 'remote') return null;
  if (config.apiToken) return { credentials: { apiUrl: config.apiUrl, token: config.apiToken }, demo: false };
  const saved = await options.secretStore.load();
  if (saved && sameApi(saved.apiUrl, config.apiUrl)) return { credentials: saved, demo: false };
  return null;
}

function sameApi(a: string, b: string): boolean {
  const normalize = (url: string) => url.replace(/\/+$/, '');
  return normalize(a) === normalize(b);
}

/**
 * Unfinished purchases are settled at start ("after the app restarted") and
 * again after every sync that succeeds, which is when an outcome left unknown
 * by a lost connection can be learned ("once it could be reached").
 */
function reconcileWhenReachable(purchases: PurchaseService, events: EventBus, logger: Logger): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  const run = (trigger: 'restart' | 'online') => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void purchases
      .reconcile(trigger)
      // The journal stays as it was (every write is committed before it is acted on); the next run picks it up.
      .catch((error: unknown) => logger.warn('Reconciling purchases stopped early', { error: String(error) }))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run('online');
        }
      });
  };
  run('restart');
  const unsubscribe = events.on('sync.status', (status) => {
    if (status.state === 'idle' && status.lastSyncedAt !== null) run('online');
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
