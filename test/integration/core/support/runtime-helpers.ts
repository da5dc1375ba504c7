import { expect } from 'vitest';
import type { ChannelName } from '../../../../shared/ipc/contract';
import type { SyncStatus } from '../../../../shared/ipc/models';
import type { AppRuntime } from '../../../../electron/core/runtime/types';

/** Invokes a channel and unwraps a successful envelope (fails the test otherwise). */
export async function call<T = unknown>(
  runtime: AppRuntime,
  channel: ChannelName,
  input: unknown = {},
): Promise<T> {
  const result = await runtime.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
  return result.value as T;
}

/** Waits until the sync status satisfies `done` (polling, since a sync may already have finished). */
export async function waitForSync(
  runtime: AppRuntime,
  done: (status: SyncStatus) => boolean = (s) => s.state === 'idle' && s.lastSyncedAt !== null,
  timeoutMs = 20_000,
): Promise<SyncStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await call<SyncStatus>(runtime, 'sync.status');
    if (done(status)) return status;
    expect(status.state, `sync ended in ${JSON.stringify(status)}`).not.toBe('error');
    if (Date.now() > deadline) throw new Error(`sync did not settle: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
