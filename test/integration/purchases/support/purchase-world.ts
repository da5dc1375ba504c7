/**
 * One test's world: a real billing sandbox (with its controls and faults) and
 * an app runtime talking to it as a remote backend, over a temp-dir cache.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChannelName, EventName, EventPayload } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/errors';
import type { Catalog, ClientDetail } from '../../../../shared/ipc/models';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { startSandbox, type SandboxHandle } from '../../../../sandbox/server';
import type { PurchaseRecord, Workspace } from '../../../../electron/core/db/journal/purchase-journal-repo';
import { createRepositories, type Repositories } from '../../../../electron/core/db/repositories';
import { startAppRuntime } from '../../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../../electron/core/secrets/secret-store';
import { silentLogger } from '../../core/support/core-harness';
import { call, waitForSync } from '../../core/support/runtime-helpers';
import { makeTempDir } from '../../core/support/temp-dirs';

export const TEST_RETRY_DELAYS_MS = [20, 40];
export const FIXED_NOW = new Date('2026-06-15T14:30:00.000Z');
export const CLIENT = 'cl_atlas-fitness-studios';

export interface World {
  sandbox: SandboxHandle;
  runtime: AppRuntime;
  dataDir: string;
  events: { event: EventName; payload: unknown }[];
  eventsOf<E extends EventName>(event: E): EventPayload<E>[];
  invoke<T = unknown>(channel: ChannelName, input?: unknown): Promise<T>;
  /** The typed error a channel answered with (fails if it succeeded). */
  refusal(channel: ChannelName, input?: unknown): Promise<AppErrorShape>;
  start(clientId: string, packId: string): Promise<Purchase>;
  client(clientId: string): Promise<ClientDetail>;
  /** Opens the cache file directly, as another process would. */
  withCache<T>(read: (repos: Repositories) => T): T;
  close(): Promise<void>;
}

export function startTestSandbox(dataDir = makeTempDir('purchases-sandbox-')): Promise<SandboxHandle> {
  return startSandbox({ now: () => FIXED_NOW, dataDir });
}

/** Opens the cache with its purchase journal attached, the way the app does. */
export function withCacheAt<T>(dataDir: string, read: (repos: Repositories) => T): T {
  const db = new Database(path.join(dataDir, 'cache.sqlite'));
  db.prepare('ATTACH DATABASE ? AS journal').run(path.join(dataDir, 'purchases.sqlite'));
  try {
    return read(createRepositories(db));
  } finally {
    db.close();
  }
}

/** The workspace the cache belongs to, as the app computes it: backend (cache owner) and agency. */
export function cachedWorkspace(repos: Repositories): Workspace {
  return { owner: repos.meta.get('cache_owner') ?? '', agencyId: repos.account.get()?.agency.id ?? '' };
}

/** Every purchase the journal holds open for the cache's workspace. */
export function unfinishedPurchases(repos: Repositories): PurchaseRecord[] {
  return repos.purchases.unfinished(cachedWorkspace(repos));
}

export interface WorldOptions {
  /** Restart on an earlier world's data (its cache and purchase journal). */
  dataDir?: string;
  /** The API token the app starts with (default: the one the sandbox accepts). */
  token?: string;
  /** The app's clock. */
  now?: () => Date;
  /** Wait for the first sync to succeed before answering (default true). */
  synced?: boolean;
}

export async function openWorld(existing?: SandboxHandle, options: WorldOptions = {}): Promise<World> {
  const sandbox = existing ?? (await startTestSandbox());
  const dataDir = options.dataDir ?? makeTempDir('purchases-app-');
  const token = options.token ?? sandbox.token;
  const runtime = await startAppRuntime({
    env: { BILLING_API_URL: sandbox.url, BILLING_API_TOKEN: token, APP_DATA_DIR: dataDir },
    defaultDataDir: dataDir,
    version: '1.0.0',
    secretStore: new MemorySecretStore(),
    logger: silentLogger,
    offlineRetryMs: { min: 60_000, max: 60_000 },
    now: options.now,
    purchases: { retryDelaysMs: TEST_RETRY_DELAYS_MS },
  });
  const events: World['events'] = [];
  for (const event of ['cache.changed', 'purchases.changed', 'notices.changed', 'sync.status'] as const)
    runtime.events.on(event, (payload) => events.push({ event, payload }));
  if (options.synced ?? true) await waitForSync(runtime);
  const invoke = <T>(channel: ChannelName, input: unknown = {}) => call<T>(runtime, channel, input);
  return {
    sandbox,
    runtime,
    dataDir,
    events,
    eventsOf: <E extends EventName>(event: E) =>
      events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>),
    invoke,
    async refusal(channel, input = {}) {
      const result = await runtime.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(result.value)}`);
      return result.error;
    },
    async start(clientId, packId) {
      const catalog = await invoke<Catalog>('catalog.get');
      const expectedPrice = catalog.packs.find((pack) => pack.id === packId)?.price;
      return invoke<Purchase>('purchases.start', { clientId, packId, expectedPrice });
    },
    client: (clientId) => invoke<ClientDetail>('clients.get', { clientId }),
    withCache: (read) => withCacheAt(dataDir, read),
    async close() {
      await runtime.stop();
      if (!existing) await sandbox.close();
    },
  };
}

/** Polls until `check` holds (the app works in the background: syncs, reconciliation). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
