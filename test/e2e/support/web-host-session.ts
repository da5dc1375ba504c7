/** Talks to a running web host over its HTTP bridge, signed in like the browser tab would be. */
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { SyncStatus } from '../../../shared/ipc/models';
import type { WebHostProcess } from './web-host-process';

export interface WebHostSession {
  invoke(channel: string, input?: unknown): Promise<unknown>;
  syncStatus(): Promise<SyncStatus>;
  /** Polls sync.status until `done` holds, returning that status. */
  waitForSync(done: (status: SyncStatus) => boolean, timeoutMs: number): Promise<SyncStatus>;
  dispose(): Promise<void>;
}

export async function openWebHostSession(
  playwright: PlaywrightWorkerArgs['playwright'],
  host: WebHostProcess,
): Promise<WebHostSession> {
  const request: APIRequestContext = await playwright.request.newContext({ baseURL: host.origin });
  const signIn = await request.get(await host.signInUrl());
  if (!signIn.ok()) throw new Error(`Opening the printed URL answered HTTP ${signIn.status()}.`);

  async function invoke(channel: string, input: unknown = {}): Promise<unknown> {
    const response = await request.post(`/api/invoke/${channel}`, { data: input });
    if (!response.ok()) throw new Error(`${channel} answered HTTP ${response.status()}.`);
    return response.json();
  }

  async function syncStatus(): Promise<SyncStatus> {
    const envelope = (await invoke('sync.status')) as { ok: boolean; value?: unknown };
    if (!envelope.ok) throw new Error(`sync.status failed: ${JSON.stringify(envelope)}`);
    return SyncStatus.parse(envelope.value);
  }

  return {
    invoke,
    syncStatus,
    async waitForSync(done, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let last: SyncStatus | null = null;
      while (Date.now() < deadline) {
        last = await syncStatus();
        if (done(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Sync did not reach the expected state in time; last status: ${JSON.stringify(last)}`);
    },
    dispose: () => request.dispose(),
  };
}
