import { describe, expect, it } from 'vitest';
import { newerSyncStatus, type SyncStatus } from '../../../shared/ipc/models';

const status = (state: SyncStatus['state'], revision: number): SyncStatus => ({
  state,
  lastSyncedAt: null,
  progress: null,
  error: null,
  clients: null,
  revision,
});

describe('newerSyncStatus', () => {
  it('keeps the idle status an event delivered over a late "syncing" reply to Sync now', () => {
    const idle = status('idle', 7);
    expect(newerSyncStatus(idle, status('syncing', 5))).toBe(idle);
  });

  it('takes a newer status, and the first one when nothing is shown yet', () => {
    const syncing = status('syncing', 8);
    expect(newerSyncStatus(status('idle', 7), syncing)).toBe(syncing);
    expect(newerSyncStatus(undefined, syncing)).toBe(syncing);
  });
});
