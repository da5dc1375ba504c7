import { describe, expect, it } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  FIRST_RETRY_DELAY_MS,
  nextCheckDelay,
  retryDelay,
} from '../../../electron/core/updates/update-schedule';
import { decideUpdateSupport } from '../../../electron/core/updates/update-support';

const HOUR = 3_600_000;

describe('update schedule', () => {
  it('checks every four hours, spread by at most ±10 %', () => {
    expect(CHECK_INTERVAL_MS).toBe(4 * HOUR);
    expect(nextCheckDelay(() => 0)).toBe(3.6 * HOUR);
    expect(nextCheckDelay(() => 0.5)).toBe(4 * HOUR);
    expect(nextCheckDelay(() => 0.999999)).toBeLessThanOrEqual(4.4 * HOUR);
  });

  it('retries failures sooner, doubling the wait up to the regular interval', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 10].map((failures) => retryDelay(failures, middle))).toEqual([
      FIRST_RETRY_DELAY_MS,
      2 * FIRST_RETRY_DELAY_MS,
      4 * FIRST_RETRY_DELAY_MS,
      8 * FIRST_RETRY_DELAY_MS,
      CHECK_INTERVAL_MS,
      CHECK_INTERVAL_MS,
    ]);
    expect(FIRST_RETRY_DELAY_MS).toBe(HOUR / 4);
  });
});

describe('where the app updates itself', () => {
  const installed = { isPackaged: true, devServerUrl: undefined, hasFeedConfig: true };

  it('updates an installed build that carries a feed', () => {
    expect(decideUpdateSupport(installed)).toEqual({ supported: true });
  });

  it('does not update when running from source or against the dev server', () => {
    expect(decideUpdateSupport({ ...installed, isPackaged: false }).supported).toBe(false);
    expect(decideUpdateSupport({ ...installed, devServerUrl: 'http://localhost:5173' }).supported).toBe(
      false,
    );
  });

  it('does not update a build made without an update feed', () => {
    expect(decideUpdateSupport({ ...installed, hasFeedConfig: false })).toEqual({
      supported: false,
      reason: 'this build has no update feed configured',
    });
  });
});
