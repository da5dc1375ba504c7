import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import type { UpdateStatus } from '../../../shared/ipc/update-models';
import { UpdateController } from '../../../electron/core/updates/update-controller';
import { CHECK_INTERVAL_MS, FIRST_RETRY_DELAY_MS } from '../../../electron/core/updates/update-schedule';
import type { UpdaterEvent } from '../../../electron/core/updates/update-status';

const STARTUP_DELAY_MS = 10_000;
/** With random() = 0.5 the jitter is zero, so delays are exact. */
const noJitter = () => 0.5;

type Outcome = 'none' | 'available' | 'fail';

/** Behaves like electron-updater with autoDownload: events during the check, the download afterwards. */
function createFeed() {
  const log: Array<{ level: string; message: string }> = [];
  const feed = {
    outcome: 'none' as Outcome,
    checks: 0,
    installs: 0,
    log,
    logger: {
      info: (message: string) => log.push({ level: 'info', message }),
      warn: (message: string) => log.push({ level: 'warn', message }),
      error: (message: string) => log.push({ level: 'error', message }),
    },
    controller: null as UpdateController | null,
    emit(event: UpdaterEvent) {
      feed.controller?.handle(event);
    },
  };
  feed.controller = new UpdateController({
    logger: feed.logger,
    random: noJitter,
    startupDelayMs: STARTUP_DELAY_MS,
    driver: {
      check: async () => {
        feed.checks += 1;
        feed.emit({ type: 'checking' });
        if (feed.outcome === 'fail') {
          feed.emit({ type: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' });
          throw new Error('net::ERR_INTERNET_DISCONNECTED');
        }
        if (feed.outcome === 'none') feed.emit({ type: 'not-available' });
        else feed.emit({ type: 'available', version: '1.2.0' });
      },
      quitAndInstall: () => {
        feed.installs += 1;
      },
    },
  });
  return feed as typeof feed & { controller: UpdateController };
}

let feed: ReturnType<typeof createFeed>;
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  feed = createFeed();
});

afterEach(() => {
  feed.controller.stop();
  vi.useRealTimers();
});

describe('UpdateController', () => {
  it('checks shortly after start and then every four hours', async () => {
    feed.controller.start();
    await advance(STARTUP_DELAY_MS - 1);
    expect(feed.checks).toBe(0);
    await advance(1);
    expect(feed.checks).toBe(1);
    expect(feed.controller.status().state).toBe('idle');
    await advance(CHECK_INTERVAL_MS - 1);
    expect(feed.checks).toBe(1);
    await advance(1);
    expect(feed.checks).toBe(2);
  });

  it('reports each step to listeners and offers the downloaded version', async () => {
    const seen: UpdateStatus[] = [];
    feed.controller.onStatus((status) => seen.push(status));
    feed.outcome = 'available';
    feed.controller.start();
    await advance(STARTUP_DELAY_MS);
    feed.emit({ type: 'progress', percent: 50 });
    feed.emit({ type: 'downloaded', version: '1.2.0' });

    expect(seen.map((status) => status.state)).toEqual(['checking', 'available', 'downloading', 'ready']);
    expect(feed.controller.status()).toEqual({ state: 'ready', version: '1.2.0', progress: 100 });
    expect(feed.log).toContainEqual({ level: 'info', message: 'An update is ready to install' });
  });

  it('does not check again while a download runs or once an update is ready', async () => {
    feed.outcome = 'available';
    feed.controller.start();
    await advance(STARTUP_DELAY_MS);
    feed.emit({ type: 'progress', percent: 10 });
    await advance(CHECK_INTERVAL_MS * 1.2);
    expect(feed.checks).toBe(1);
    feed.emit({ type: 'downloaded', version: '1.2.0' });
    await advance(CHECK_INTERVAL_MS * 3);
    expect(feed.checks).toBe(1);
  });

  it('logs a failed check once, never throws, and retries with a growing backoff', async () => {
    feed.outcome = 'fail';
    feed.controller.start();
    await advance(STARTUP_DELAY_MS);
    expect(feed.controller.status().state).toBe('error');
    expect(feed.log.filter((entry) => entry.level === 'warn')).toHaveLength(1);

    await advance(FIRST_RETRY_DELAY_MS);
    expect(feed.checks).toBe(2);
    await advance(FIRST_RETRY_DELAY_MS);
    expect(feed.checks).toBe(2);
    await advance(FIRST_RETRY_DELAY_MS);
    expect(feed.checks).toBe(3);

    feed.outcome = 'none';
    await advance(4 * FIRST_RETRY_DELAY_MS);
    expect(feed.checks).toBe(4);
    expect(feed.controller.status().state).toBe('idle');
    // Success resets the backoff: the next check is a regular one.
    await advance(CHECK_INTERVAL_MS - 1);
    expect(feed.checks).toBe(4);
    await advance(1);
    expect(feed.checks).toBe(5);
  });

  it('retries soon when the background download fails after the check', async () => {
    feed.outcome = 'available';
    feed.controller.start();
    await advance(STARTUP_DELAY_MS);
    feed.emit({ type: 'progress', percent: 30 });
    feed.emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect(feed.controller.status()).toEqual({ state: 'error', version: '1.2.0', progress: null });

    await advance(FIRST_RETRY_DELAY_MS);
    expect(feed.checks).toBe(2);
  });

  it('refuses to restart before an update is ready', () => {
    expect(() => feed.controller.restart()).toThrow(AppError);
    expect(() => feed.controller.restart()).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(feed.installs).toBe(0);
  });

  it('installs on restart after the caller has had its answer, and stops checking', async () => {
    feed.outcome = 'available';
    feed.controller.start();
    await advance(STARTUP_DELAY_MS);
    feed.emit({ type: 'downloaded', version: '1.2.0' });

    feed.controller.restart();
    expect(feed.installs).toBe(0);
    await advance(0);
    expect(feed.installs).toBe(1);
    await advance(CHECK_INTERVAL_MS * 2);
    expect(feed.checks).toBe(1);
  });

  it('logs a failing install instead of throwing into the app', async () => {
    const controller: UpdateController = new UpdateController({
      logger: feed.logger,
      driver: {
        check: async (): Promise<void> => controller.handle({ type: 'downloaded', version: '3.0.0' }),
        quitAndInstall: () => {
          throw new Error('installer missing');
        },
      },
      startupDelayMs: 0,
    });
    controller.start();
    await advance(0);
    controller.restart();
    await advance(0);
    expect(feed.log).toContainEqual({ level: 'error', message: 'Could not restart to install the update' });
    controller.stop();
  });

  it('stops checking when stopped', async () => {
    feed.controller.start();
    feed.controller.stop();
    await advance(CHECK_INTERVAL_MS * 2);
    expect(feed.checks).toBe(0);
  });

  it('keeps notifying other listeners when one throws', async () => {
    const seen: string[] = [];
    feed.controller.onStatus(() => {
      throw new Error('broken listener');
    });
    const unsubscribe = feed.controller.onStatus((status) => seen.push(status.state));
    feed.controller.start();
    await advance(STARTUP_DELAY_MS);
    unsubscribe();
    await advance(CHECK_INTERVAL_MS);
    expect(seen).toEqual(['checking', 'idle']);
    expect(feed.log.filter((entry) => entry.level === 'error').length).toBeGreaterThan(0);
  });
});
