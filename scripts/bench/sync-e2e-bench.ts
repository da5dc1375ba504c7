/**
 * End to end (issue 13): a first sync of a workspace from the billing sandbox over loopback HTTP, through the
 * app's own runtime (startAppRuntime signed in with BILLING_API_URL/BILLING_API_TOKEN, as `npm start` against a
 * remote billing API) into a fresh cache, against a bare loop that fetches the same pages with the same page
 * sizes and token and only JSON.parse's them. Runs alternate sync and bare loop; the ratio is bare / sync time
 * (1 = the sync keeps up with the network alone). Also the process's RSS right after the last sync.
 *
 * The sandbox is `sandbox/cli.ts` in its own process, as a remote billing API would be: its work is neither on
 * this thread nor in this process's RSS. BENCH_SYNC_CLIENTS (default 25), BENCH_SYNC_ENTRIES (default 200,000)
 * and BENCH_SYNC_RUNS (default 3) scale it. `npx tsx scripts/bench/sync-e2e-bench.ts` prints a table.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openCache } from '../../electron/core/db/open-cache';
import { createRepositories } from '../../electron/core/db/repositories';
import { startAppRuntime } from '../../electron/core/runtime/start-app-runtime';
import type { AppRuntime, Logger } from '../../electron/core/runtime/types';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { DEFAULT_PAGE_SIZES } from '../../electron/core/sync/sync-engine';
import type { SyncStatus } from '../../shared/ipc/models';
import type { SyncEndToEnd } from './bench-reports';
import { printTables, syncTable } from './bench-tables';
import { median } from './stats';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SANDBOX_TOKEN = 'bench-sync';
const SANDBOX_START_TIMEOUT_MS = 60_000;
const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface SandboxProcess {
  url: string;
  stop(): Promise<void>;
}

/** A TypeScript entry point run by Node with tsx loaded in-process, so the child's pid is the script itself. */
function runTs(script: string, args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function seedSandbox(dataDir: string, clients: number, entries: number): Promise<void> {
  const child = runTs('scripts/bench/sync-sandbox-seed.ts', [dataDir, String(clients), String(entries)]);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`Seeding the sandbox failed (exit ${code}):\n${stderr}`);
}

/** `npm run sandbox` on the seeded store: it keeps a seeded store's data and prints where it listens. */
function launchSandbox(dataDir: string): Promise<SandboxProcess> {
  const child = runTs('sandbox/cli.ts', [], {
    SANDBOX_PORT: '0',
    SANDBOX_DATA_DIR: dataDir,
    BILLING_API_TOKEN: SANDBOX_TOKEN,
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`${reason}\n${output}`));
    };
    const timer = setTimeout(
      () => fail('The sandbox did not print its URL in time.'),
      SANDBOX_START_TIMEOUT_MS,
    );
    const onEarlyExit = (code: number | null) => fail(`The sandbox exited early (code ${code}).`);
    child.once('exit', onEarlyExit);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /^Billing API: (\S+)$/m.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolve({ url, stop });
    });
  });
}

/** startAppRuntime returns while the first sync's first request is in flight, so no status is missed. */
function syncSettled(runtime: AppRuntime): Promise<void> {
  return new Promise((resolve, reject) => {
    const unsubscribe = runtime.events.on('sync.status', (status: SyncStatus) => {
      if (status.state === 'syncing') return;
      unsubscribe();
      if (status.state === 'idle' && status.lastSyncedAt !== null) resolve();
      else reject(new Error(`The sync ended ${status.state}: ${JSON.stringify(status.error)}`));
    });
  });
}

interface Timed {
  seconds: number;
  /**
   * How long this thread ran rather than waited for I/O in the same span: `seconds` minus this is time spent
   * waiting for the sandbox, which reading ahead can hide, and the rest is the thread's own work.
   */
  busySeconds: number;
}

function startTimer(): () => Timed {
  const start = performance.now();
  const loop = performance.eventLoopUtilization();
  return () => ({
    seconds: (performance.now() - start) / 1000,
    busySeconds: performance.eventLoopUtilization(loop).active / 1000,
  });
}

/** From starting the app core on an empty cache until its first sync is done, and the RSS then. */
async function timeFirstSync(apiUrl: string, expectedEntries: number): Promise<Timed & { rssMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'abc-bench-sync-'));
  try {
    const stopTimer = startTimer();
    const runtime = await startAppRuntime({
      env: { BILLING_API_URL: apiUrl, BILLING_API_TOKEN: SANDBOX_TOKEN, APP_DATA_DIR: dataDir },
      defaultDataDir: dataDir,
      version: '0.0.0-bench',
      secretStore: new MemorySecretStore(),
      logger: quietLogger,
    });
    let timed: Timed;
    let rssMb: number;
    try {
      await syncSettled(runtime);
      timed = stopTimer();
      rssMb = process.memoryUsage().rss / 2 ** 20;
    } finally {
      await runtime.stop();
    }
    assertCached(dataDir, expectedEntries);
    return { ...timed, rssMb };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A sync that stored less than the sandbox holds would make any time meaningless. */
function assertCached(dataDir: string, expectedEntries: number): void {
  const { db } = openCache({ dataDir });
  try {
    const repos = createRepositories(db);
    const cached = repos.clients.ids().reduce((sum, id) => sum + repos.ledger.countForClient(id), 0);
    if (cached !== expectedEntries)
      throw new Error(`The sync cached ${cached} entries of ${expectedEntries}`);
  } finally {
    db.close();
  }
}

interface Listed<T> {
  data: T[];
  next_cursor: string | null;
}

/** GETs and JSON.parse's every page the first sync reads, in the same order, and nothing else. */
async function timeBareFetch(apiUrl: string, expectedEntries: number): Promise<Timed> {
  const headers = { authorization: `Bearer ${SANDBOX_TOKEN}`, accept: 'application/json' };
  const get = async <T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
  ): Promise<T> => {
    const url = new URL(apiUrl + path);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url.pathname}: HTTP ${response.status}`);
    return JSON.parse(await response.text()) as T;
  };
  const sizes = DEFAULT_PAGE_SIZES;
  let entries = 0;
  const stopTimer = startTimer();
  await get('/v1/me');
  await get('/v1/packs');
  await get('/v1/plans');
  const clientIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await get<Listed<{ id: string }>>('/v1/clients', { cursor, limit: sizes.clients });
    clientIds.push(...page.data.map((client) => client.id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  for (const id of clientIds) {
    const client = `/v1/clients/${encodeURIComponent(id)}`;
    let afterSeq = 0;
    for (;;) {
      const page = await get<Listed<{ seq: number }>>(`${client}/ledger`, {
        after_seq: afterSeq,
        limit: sizes.ledger,
      });
      const last = page.data.at(-1);
      if (!last) break;
      entries += page.data.length;
      afterSeq = last.seq;
      if (page.next_cursor === null) break;
    }
    let invoiceCursor: string | undefined;
    do {
      const page = await get<Listed<unknown>>(`${client}/invoices`, {
        cursor: invoiceCursor,
        limit: sizes.invoices,
      });
      invoiceCursor = page.next_cursor ?? undefined;
    } while (invoiceCursor);
  }
  const timed = stopTimer();
  if (entries !== expectedEntries)
    throw new Error(`The bare loop read ${entries} entries of ${expectedEntries}`);
  return timed;
}

export async function benchSyncEndToEnd(
  options: { clients?: number; entries?: number; runs?: number } = {},
): Promise<SyncEndToEnd> {
  const clients = options.clients ?? Number(process.env.BENCH_SYNC_CLIENTS ?? 25);
  const entries = options.entries ?? Number(process.env.BENCH_SYNC_ENTRIES ?? 200_000);
  const runs = options.runs ?? Number(process.env.BENCH_SYNC_RUNS ?? 3);
  const sandboxDir = mkdtempSync(join(tmpdir(), 'abc-bench-sync-sandbox-'));
  try {
    await seedSandbox(sandboxDir, clients, entries);
    const sandbox = await launchSandbox(sandboxDir);
    try {
      const sync: number[] = [];
      const bare: number[] = [];
      let rssMb = 0;
      for (let run = 1; run <= runs; run++) {
        const first = await timeFirstSync(sandbox.url, entries);
        const loop = await timeBareFetch(sandbox.url, entries);
        sync.push(first.seconds);
        bare.push(loop.seconds);
        rssMb = first.rssMb;
        console.error(
          `sync e2e run ${run}/${runs}: sync ${round(first.seconds)} s (busy ${round(first.busySeconds)} s), ` +
            `bare ${round(loop.seconds)} s (busy ${round(loop.busySeconds)} s), RSS ${Math.round(rssMb)} MB`,
        );
      }
      const syncSeconds = median(sync);
      const bareSeconds = median(bare);
      return {
        clients,
        entries,
        syncSeconds: round(syncSeconds),
        bareSeconds: round(bareSeconds),
        ratio: round(bareSeconds / syncSeconds),
        rssMb: Math.round(rssMb),
      };
    } finally {
      await sandbox.stop();
    }
  } finally {
    rmSync(sandboxDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSyncEndToEnd().then(
    (result) => printTables(syncTable(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
