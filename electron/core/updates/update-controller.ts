import { AppError } from '../../../shared/ipc/errors';
import type { UpdateStatus } from '../../../shared/ipc/update-models';
import type { Logger } from '../runtime/types';
import type { UpdatePort } from './update-port';
import { nextCheckDelay, retryDelay, STARTUP_CHECK_DELAY_MS, type Random } from './update-schedule';
import { IDLE_UPDATE_STATUS, reduceUpdateStatus, type UpdaterEvent } from './update-status';

/** The update mechanism itself (electron-updater in the app), reduced to what the schedule drives. */
export interface UpdateDriver {
  /** Asks the feed for a newer version; the download then runs in the background and reports events. */
  check(): Promise<void>;
  quitAndInstall(): void;
}

export interface UpdateControllerOptions {
  driver: UpdateDriver;
  logger: Logger;
  random?: Random;
  startupDelayMs?: number;
}

/**
 * Runs self-update in the background: checks after launch and every few hours,
 * backs off after failures, and offers a restart once an update is downloaded.
 * Nothing here ever throws into the app or waits on the network in its path.
 */
export class UpdateController implements UpdatePort {
  readonly #driver: UpdateDriver;
  readonly #logger: Logger;
  readonly #random: Random;
  readonly #startupDelayMs: number;
  readonly #listeners = new Set<(status: UpdateStatus) => void>();
  #status: UpdateStatus = IDLE_UPDATE_STATUS;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running = false;
  #checking = false;
  #failures = 0;

  constructor(options: UpdateControllerOptions) {
    this.#driver = options.driver;
    this.#logger = options.logger;
    this.#random = options.random ?? Math.random;
    this.#startupDelayMs = options.startupDelayMs ?? STARTUP_CHECK_DELAY_MS;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#schedule(this.#startupDelayMs);
  }

  stop(): void {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  status(): UpdateStatus {
    return this.#status;
  }

  onStatus(listener: (status: UpdateStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Feeds one event from the update mechanism into the state machine. */
  handle(event: UpdaterEvent): void {
    if (event.type === 'error')
      this.#logger.warn('Update check or download failed', { error: event.message });
    if (event.type === 'downloaded')
      this.#logger.info('An update is ready to install', { version: event.version });
    this.#setStatus(reduceUpdateStatus(this.#status, event));
    // A failed background download arrives after its check finished; the check's own failures are handled there.
    if (event.type === 'error' && !this.#checking && this.#status.state === 'error') this.#retryLater();
  }

  restart(): void {
    if (this.#status.state !== 'ready') throw new AppError('conflict', 'No update has been downloaded yet.');
    this.stop();
    // Let the caller's reply reach the window before the app begins to quit.
    setTimeout(() => {
      try {
        this.#driver.quitAndInstall();
      } catch (error) {
        this.#logger.error('Could not restart to install the update', { error: String(error) });
      }
    }, 0);
  }

  async #check(): Promise<void> {
    this.#timer = null;
    if (!this.#running) return;
    if (this.#status.state === 'ready') return;
    if (this.#status.state === 'available' || this.#status.state === 'downloading') {
      this.#schedule(nextCheckDelay(this.#random));
      return;
    }
    this.#checking = true;
    this.handle({ type: 'checking' });
    try {
      await this.#driver.check();
      this.#failures = 0;
      this.#schedule(nextCheckDelay(this.#random));
    } catch (error) {
      if (this.#status.state !== 'error') this.handle({ type: 'error', message: errorMessage(error) });
      this.#retryLater();
    } finally {
      this.#checking = false;
    }
  }

  #retryLater(): void {
    this.#failures += 1;
    this.#schedule(retryDelay(this.#failures, this.#random));
  }

  #schedule(delayMs: number): void {
    if (!this.#running) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#check(), delayMs);
    // A pending check must never keep a quitting process alive.
    this.#timer.unref();
  }

  #setStatus(next: UpdateStatus): void {
    if (next === this.#status) return;
    this.#status = next;
    for (const listener of [...this.#listeners]) {
      try {
        listener(next);
      } catch (error) {
        this.#logger.error('An update status listener failed', { error: String(error) });
      }
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
