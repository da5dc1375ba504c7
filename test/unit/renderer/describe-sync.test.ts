import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/ipc/models';
import { describeSync } from '../../../renderer/src/features/sync-status/describe-sync';

const now = new Date('2026-06-15T12:00:30.000Z');
const idle = (clients: SyncStatus['clients']): SyncStatus => ({
  state: 'idle',
  lastSyncedAt: '2026-06-15T12:00:00.000Z',
  progress: null,
  error: null,
  clients,
  revision: 1,
});

describe('the header line about sync', () => {
  it('says how many clients synced when some were set aside, as a warning', () => {
    expect(describeSync(idle({ synced: 1_204, total: 1_205 }), now)).toEqual({
      tone: 'partial',
      text: 'Synced 1,204 of 1,205 clients just now',
      progress: null,
    });
  });

  it('says plainly "Synced" when every client synced', () => {
    expect(describeSync(idle(null), now)).toEqual({ tone: 'ok', text: 'Synced just now', progress: null });
  });

  it('counts the clients whose credit logs are downloaded, with a bar to fill', () => {
    const syncing: SyncStatus = {
      ...idle(null),
      state: 'syncing',
      progress: { done: 12, total: 25, label: 'clients', entries: 48_000 },
    };
    expect(describeSync(syncing, now)).toEqual({
      tone: 'busy',
      text: 'Syncing credit logs… 12 of 25 clients',
      progress: { done: 12, total: 25 },
    });
  });
});
