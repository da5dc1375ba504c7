import { describe, expect, it } from 'vitest';
import { UpdateStatus } from '../../../shared/ipc/update-models';
import {
  IDLE_UPDATE_STATUS,
  reduceUpdateStatus,
  UNSUPPORTED_UPDATE_STATUS,
  type UpdaterEvent,
} from '../../../electron/core/updates/update-status';

const run = (events: UpdaterEvent[], from = IDLE_UPDATE_STATUS) => events.reduce(reduceUpdateStatus, from);

describe('update state machine', () => {
  it('walks idle → checking → available → downloading → ready', () => {
    const seen = [
      { type: 'checking' },
      { type: 'available', version: '1.4.0' },
      { type: 'progress', percent: 12.345 },
      { type: 'progress', percent: 80 },
      { type: 'downloaded', version: '1.4.0' },
    ].reduce<UpdateStatus[]>(
      (states, event) => [
        ...states,
        reduceUpdateStatus(states.at(-1) ?? IDLE_UPDATE_STATUS, event as UpdaterEvent),
      ],
      [],
    );
    expect(seen).toEqual([
      { state: 'checking', version: null, progress: null },
      { state: 'available', version: '1.4.0', progress: 0 },
      { state: 'downloading', version: '1.4.0', progress: 12.3 },
      { state: 'downloading', version: '1.4.0', progress: 80 },
      { state: 'ready', version: '1.4.0', progress: 100 },
    ]);
    for (const status of seen) expect(UpdateStatus.parse(status)).toEqual(status);
  });

  it('goes back to idle when the feed has nothing newer', () => {
    expect(run([{ type: 'checking' }, { type: 'not-available' }])).toEqual(IDLE_UPDATE_STATUS);
  });

  it('keeps the offered version when a download fails, and recovers on the next check', () => {
    const failed = run([
      { type: 'checking' },
      { type: 'available', version: '2.0.0' },
      { type: 'progress', percent: 40 },
      { type: 'error', message: 'socket hang up' },
    ]);
    expect(failed).toEqual({ state: 'error', version: '2.0.0', progress: null });
    expect(reduceUpdateStatus(failed, { type: 'checking' }).state).toBe('checking');
  });

  it('never takes back a downloaded update', () => {
    const ready = run([
      { type: 'available', version: '1.5.0' },
      { type: 'downloaded', version: '1.5.0' },
    ]);
    for (const event of [
      { type: 'checking' },
      { type: 'error', message: 'offline' },
      { type: 'not-available' },
      { type: 'progress', percent: 3 },
    ] as UpdaterEvent[]) {
      expect(reduceUpdateStatus(ready, event)).toBe(ready);
    }
  });

  it('keeps progress within 0–100 whatever the updater reports', () => {
    const available = run([{ type: 'available', version: '1.1.0' }]);
    expect(reduceUpdateStatus(available, { type: 'progress', percent: 140 }).progress).toBe(100);
    expect(reduceUpdateStatus(available, { type: 'progress', percent: -5 }).progress).toBe(0);
    expect(reduceUpdateStatus(available, { type: 'progress', percent: Number.NaN }).progress).toBe(0);
  });

  it('stays unsupported where the app does not update itself', () => {
    expect(
      run([{ type: 'checking' }, { type: 'downloaded', version: '9.9.9' }], UNSUPPORTED_UPDATE_STATUS),
    ).toBe(UNSUPPORTED_UPDATE_STATUS);
  });
});
