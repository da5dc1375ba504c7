/**
 * The real system under model-based test: one billing sandbox on loopback and
 * one app core on a temp data dir (cache + purchase journal), restarted,
 * revoked, aged and corrupted on command. No test runner here, so the same
 * code serves the fixed-seed vitest run and the long soak.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startAppRuntime } from '../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../electron/core/runtime/types';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { ChargeList, ClockResponse } from '../../sandbox/http/control-schemas';
import type { SandboxHandle } from '../../sandbox/server';
import type { ChannelName } from '../../shared/ipc/contract';
import type { Catalog, SyncStatus } from '../../shared/ipc/models';
import {
  clientBooks,
  sandboxCall,
  setFaults,
  setSavedCard,
} from '../integration/purchases/support/sandbox-client';

export const REVOKED_TOKEN = 'revoked-token';
export const SUCCEEDING_CARD = '4242424242424242';
export const DECLINING_CARD = '4000000000000002';
const HOUR_MS = 60 * 60 * 1000;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

export interface JournalRow {
  id: string;
  client_id: string;
  idempotency_key: string;
  state: string;
  error_code: string | null;
  answer_detail: string | null;
}

function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const poll = async (): Promise<boolean> => {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return poll();
  };
  return poll();
}

export class PurchaseSystem {
  runtime: AppRuntime | null = null;
  token: string;
  private offsetMs = 0;
  private readonly chargesBefore: Set<string>;

  private constructor(
    readonly sandbox: SandboxHandle,
    readonly dataDir: string,
    readonly clients: readonly string[],
    chargesBefore: Set<string>,
  ) {
    this.token = sandbox.token;
    this.chargesBefore = chargesBefore;
  }

  /** Syncs a fresh data dir once, so each sequence can start from a copy of it. */
  static async prepareTemplate(sandbox: SandboxHandle, templateDir: string): Promise<void> {
    const system = new PurchaseSystem(sandbox, templateDir, [], new Set());
    await system.boot();
    const synced = await until(async () => {
      const status = (await system.invoke('sync.status')) as SyncStatus | null;
      return status?.state === 'idle' && status.lastSyncedAt !== null;
    }, 30_000);
    await system.kill();
    if (!synced) throw new Error('The template data dir did not sync with the sandbox');
  }

  /** A system on `templateDir`'s synced data (copied), so a sequence starts in ~100 ms, not a full first sync. */
  static async start(
    sandbox: SandboxHandle,
    templateDir: string,
    dataDir: string,
    clients: readonly string[],
  ): Promise<PurchaseSystem> {
    fs.cpSync(templateDir, dataDir, { recursive: true });
    await setFaults(sandbox, { clear: true });
    await setSavedCard(sandbox, SUCCEEDING_CARD);
    const charges = await sandboxCall(sandbox, 'GET', '/sandbox/charges', undefined, ChargeList);
    const system = new PurchaseSystem(sandbox, dataDir, clients, new Set(charges.data.map((c) => c.id)));
    await system.boot();
    return system;
  }

  /** Starts the app core, as after a crash or a quit: reconciliation runs at once, sync in the background. */
  async boot(): Promise<void> {
    this.runtime = await startAppRuntime({
      env: { BILLING_API_URL: this.sandbox.url, BILLING_API_TOKEN: this.token, APP_DATA_DIR: this.dataDir },
      defaultDataDir: this.dataDir,
      version: '1.0.0',
      secretStore: new MemorySecretStore(),
      logger: quiet,
      offlineRetryMs: { min: 60_000, max: 60_000 },
      now: () => new Date(Date.now() + this.offsetMs),
      purchases: { retryDelaysMs: [5, 10] },
    });
  }

  /** Stops the core wherever it is: purchases in flight are cut off, like a kill between two steps. */
  async kill(): Promise<void> {
    const runtime = this.runtime;
    this.runtime = null;
    await runtime?.stop();
  }

  async invoke(channel: ChannelName, input: unknown = {}): Promise<unknown> {
    if (!this.runtime) return null;
    const result = await this.runtime.invoke(channel, input);
    return result.ok ? result.value : null;
  }

  async buy(clientId: string, packId: string): Promise<void> {
    const catalog = (await this.invoke('catalog.get')) as Catalog | null;
    const expectedPrice = catalog?.packs.find((pack) => pack.id === packId)?.price;
    if (expectedPrice) await this.invoke('purchases.start', { clientId, packId, expectedPrice });
  }

  async doubleClick(clientId: string, packId: string): Promise<void> {
    await Promise.all([this.buy(clientId, packId), this.buy(clientId, packId)]);
  }

  async activePurchaseId(clientId: string): Promise<string | null> {
    const active = (await this.invoke('purchases.active', { clientId })) as { id: string } | null;
    return active?.id ?? null;
  }

  async restartWith(token: string): Promise<void> {
    await this.kill();
    this.token = token;
    await this.boot();
  }

  async corruptCache(): Promise<void> {
    await this.kill();
    const file = path.join(this.dataDir, 'cache.sqlite');
    fs.writeFileSync(file, Buffer.from('this cache is beyond repair '.repeat(300)));
    for (const side of ['-wal', '-shm']) fs.rmSync(file + side, { force: true });
    await this.boot();
  }

  /** Moves the app's and the sandbox's clocks past Stripe's 24-hour key lifetime. */
  async advanceClock(hours: number): Promise<void> {
    this.offsetMs += hours * HOUR_MS;
    const clock = await sandboxCall(this.sandbox, 'GET', '/sandbox/clock', undefined, ClockResponse);
    const to = new Date(Date.parse(clock.now) + hours * HOUR_MS).toISOString();
    await sandboxCall(this.sandbox, 'POST', '/sandbox/clock/advance', { to });
  }

  journal(): JournalRow[] {
    const db = new Database(path.join(this.dataDir, 'purchases.sqlite'), { readonly: true });
    try {
      return db
        .prepare<[], JournalRow>(
          'SELECT id, client_id, idempotency_key, state, error_code, answer_detail FROM purchases ORDER BY created_at',
        )
        .all();
    } finally {
      db.close();
    }
  }

  /** Charges this sequence made for its clients (the sandbox is shared by every sequence). */
  async newCharges() {
    const charges = await sandboxCall(this.sandbox, 'GET', '/sandbox/charges', undefined, ChargeList);
    return charges.data.filter((c) => !this.chargesBefore.has(c.id) && this.clients.includes(c.client_id));
  }

  books(clientId: string) {
    return clientBooks(this.sandbox, clientId);
  }

  /** Heals everything (faults, token, card), restarts, and waits until reconciliation leaves no doubt it can settle. */
  async settle(): Promise<JournalRow[]> {
    await setFaults(this.sandbox, { clear: true });
    await setSavedCard(this.sandbox, SUCCEEDING_CARD);
    await this.restartWith(this.sandbox.token);
    const synced = async () => {
      const status = (await this.invoke('sync.status')) as SyncStatus | null;
      return status?.state === 'idle' && status.lastSyncedAt !== null;
    };
    await until(synced, 15_000);
    const unsettled = () =>
      this.journal().filter((row) => row.state === 'pending' || row.state === 'processing');
    await until(async () => unsettled().length === 0, 15_000);
    return this.journal();
  }

  async close(): Promise<void> {
    await this.kill();
    await setFaults(this.sandbox, { clear: true });
  }
}
