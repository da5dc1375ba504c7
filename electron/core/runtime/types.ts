import type { EventName, EventPayload, Handlers, ChannelName } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { FilesPort } from '../files/files-port';
import type { SecretStore } from '../secrets/secret-store';
import type { UpdatePort } from '../updates/update-port';
import type { PurchaseStep } from '../purchases/purchase-flow';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface AppRuntimeOptions {
  /** Reads BILLING_API_URL, BILLING_API_TOKEN, APP_DATA_DIR and SANDBOX_PORT. */
  env: Record<string, string | undefined>;
  /** Where the cache lives unless APP_DATA_DIR says otherwise (Electron: userData). */
  defaultDataDir: string;
  version: string;
  secretStore: SecretStore;
  /** Path to a better-sqlite3 native module built for the host's ABI (Electron passes its own build). */
  nativeBinding?: string;
  logger?: Logger;
  /** How often the cache is refreshed from the billing API (default 60 s). */
  syncIntervalMs?: number;
  /** While the billing API is unreachable, how soon sync tries again (default 5 s doubling to 30 s). */
  offlineRetryMs?: { min: number; max: number };
  /** How the host saves exports and invoices; without it those channels answer with an error. */
  files?: FilesPort;
  /** Self-update, when the host has it (Electron packaged builds). Without it the status is 'unsupported'. */
  updates?: UpdatePort;
  /**
   * An installed build: demo mode's embedded sandbox then serves no /sandbox/* controls and accepts a random
   * token, so no other program on this computer can reset its data or inject faults.
   */
  packaged?: boolean;
  /** The app's clock (default: the system clock); tests move it to age idempotency keys. */
  now?: () => Date;
  /** Tuning for tests: shorter retry delays, and a hook called after each committed purchase step. */
  purchases?: {
    retryDelaysMs?: readonly number[];
    checkpoint?: (step: PurchaseStep, purchaseId: string) => void;
  };
}

export interface CoreEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export interface AppRuntime {
  handlers: Handlers;
  events: CoreEvents;
  /** Validates untrusted input against the contract, runs the handler, never throws. */
  invoke(channel: ChannelName, rawInput: unknown): Promise<IpcResult<unknown>>;
  /** Set when the embedded billing sandbox is running (no BILLING_API_URL). */
  sandbox: { url: string; token: string } | null;
  /** Where server links (hosted invoices) may lead right now: the signed-in API's origin and its invoice origin. */
  linkOrigins(): string[];
  stop(): Promise<void>;
}
