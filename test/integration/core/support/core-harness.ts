/**
 * The sync engine over a real temp-dir cache, wired the way the runtime wires
 * it, with every pushed event recorded for assertions.
 */
import type { EventName, EventPayload } from '../../../../shared/ipc/contract';
import { BillingApiClient } from '../../../../electron/core/billing-api/billing-api-client';
import { openCache, type OpenedCache } from '../../../../electron/core/db/open-cache';
import { createRepositories, type Repositories } from '../../../../electron/core/db/repositories';
import type { Logger } from '../../../../electron/core/runtime/types';
import { SyncEngine, type SyncEngineOptions } from '../../../../electron/core/sync/sync-engine';

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export interface RecordedEvent {
  event: EventName;
  payload: unknown;
}

export interface CoreHarness {
  cache: OpenedCache;
  repos: Repositories;
  engine: SyncEngine;
  events: RecordedEvent[];
  eventsOf<E extends EventName>(event: E): EventPayload<E>[];
  close(): Promise<void>;
}

export function apiClient(baseUrl: string, token: string, retries = 0): BillingApiClient {
  return new BillingApiClient({ baseUrl, token, retries, retryBaseDelayMs: 10, timeoutMs: 5_000 });
}

export function openHarness(
  dataDir: string,
  api: BillingApiClient | null,
  engineOptions: Partial<Pick<SyncEngineOptions, 'pageSizes' | 'intervalMs' | 'now'>> = {},
): CoreHarness {
  const cache = openCache({ dataDir });
  const repos = createRepositories(cache.db);
  const events: RecordedEvent[] = [];
  const engine = new SyncEngine({
    db: cache.db,
    repos,
    getApi: () => api,
    emit: (event, payload) => events.push({ event, payload }),
    logger: silentLogger,
    ...engineOptions,
  });
  return {
    cache,
    repos,
    engine,
    events,
    eventsOf: <E extends EventName>(event: E) =>
      events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>),
    async close() {
      await engine.stop();
      cache.db.close();
    },
  };
}
