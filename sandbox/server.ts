/**
 * The billing sandbox: a local stand-in for the vendor's Billing API v1, with its
 * own SQLite store and deterministic seeded data. The app embeds it as its
 * default backend, and every test talks to it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createBilling } from './billing/create-billing';
import { createApiDispatch } from './http/api-dispatch';
import { createControlDispatch } from './http/control-routes';
import { createFaults } from './http/faults';
import { createNewerServer } from './http/newer-server-responses';
import { createHandlers } from './http/handlers';
import { createRequestListener } from './http/request-listener';
import { createStandinDispatch } from './stripe-standin/standin-routes';
import { clearStore } from './store/clear-store';
import { DEFAULT_SEED, seedStore } from './seed/seed-store';
import { openStore, readMeta, type SandboxDb } from './store/open-store';
import { createRepositories } from './store/repositories';

export const DEFAULT_SANDBOX_HOST = '127.0.0.1';
export const DEFAULT_SANDBOX_TOKEN = 'sandbox';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where the store lives; reopening a seeded dir keeps its data. Default: a fresh temp dir, removed on close. */
  dataDir?: string;
  token?: string;
  /** The sandbox's clock: seeded history ends here, and changes are stamped with it. */
  now?: () => Date;
  /** A better-sqlite3 native module built for the host's ABI (Electron passes its own). */
  nativeBinding?: string;
  /** Delay before every API response, to make in-flight requests observable in tests. */
  latencyMs?: number;
  /** Seed for the generated data; the same seed and `now` give the same data. */
  seed?: number;
  /**
   * Sandbox mode (default true): serves the control routes under /sandbox/* (test clock, usage, saved card,
   * charges, outbox, reset, faults). Off, nobody can reset the store or inject faults.
   */
  controls?: boolean;
  /** Serves the Stripe.js stand-in under /stripe/* (default: the same as `controls`); demo payments need it. */
  stripeStandIn?: boolean;
}

export interface SandboxHandle {
  url: string;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

function openSeededStore(dataDir: string, options: SandboxOptions, now: () => Date): SandboxDb {
  const db = openStore({ dataDir, nativeBinding: options.nativeBinding });
  try {
    if (readMeta(db, 'seeded_at') === null) {
      seedStore(db, createRepositories(db), { seed: options.seed ?? DEFAULT_SEED, now: now() });
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const host = options.host ?? DEFAULT_SANDBOX_HOST;
  const token = options.token ?? DEFAULT_SANDBOX_TOKEN;
  const now = options.now ?? (() => new Date());
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'billing-sandbox-'));
  const removeOwnedDir = () => {
    if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  let db: SandboxDb;
  try {
    db = openSeededStore(dataDir, options, now);
  } catch (error) {
    removeOwnedDir();
    throw error;
  }

  const repositories = createRepositories(db);
  const billing = createBilling(db, repositories, now);
  const faults = createFaults();
  const newerServer = createNewerServer();
  const controls = options.controls ?? true;
  let url = '';
  let port = options.port ?? 0;
  let closing: Promise<void> | null = null;
  let refuseTimer: NodeJS.Timeout | null = null;

  const reset = (): void => {
    clearStore(db);
    billing.clock.reset();
    seedStore(db, repositories, { seed: options.seed ?? DEFAULT_SEED, now: now() });
  };

  const refuseConnections = (ms: number): void => {
    if (closing) return;
    faults.setRefusing(true);
    if (refuseTimer) clearTimeout(refuseTimer);
    else {
      server.close();
      server.closeAllConnections();
    }
    refuseTimer = setTimeout(() => {
      refuseTimer = null;
      faults.setRefusing(false);
      if (!closing) server.listen(port, host);
    }, ms);
  };

  const context = { db, repositories, billing };
  const server = http.createServer(
    createRequestListener({
      repositories,
      api: createApiDispatch({
        ...context,
        handlers: createHandlers({ repositories, billing, baseUrl: () => url }),
        faults,
        newerServer,
        now: billing.clock.now,
      }),
      controls: controls
        ? createControlDispatch({ ...context, faults, newerServer, reset, refuseConnections })
        : null,
      standin: (options.stripeStandIn ?? controls) ? createStandinDispatch(context) : null,
      catchUp: () => db.transaction(() => billing.cycles.runDue())(),
      faults,
      token,
      host,
      latencyMs: options.latencyMs ?? 0,
      isClosing: () => closing !== null,
    }),
  );

  try {
    const address = await listen(server, port, host);
    port = address.port;
    url = urlFor(host, address.port);
  } catch (error) {
    db.close();
    removeOwnedDir();
    throw error;
  }

  const close = async (): Promise<void> => {
    if (refuseTimer) clearTimeout(refuseTimer);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    db.close();
    removeOwnedDir();
  };

  return {
    url,
    token,
    dataDir,
    close() {
      closing ??= close();
      return closing;
    },
  };
}
