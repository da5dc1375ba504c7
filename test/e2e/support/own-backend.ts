/**
 * A billing sandbox of one test's own, and web hosts on one app data dir that
 * the test stops and starts again: for tests that change the backend (a price,
 * the accepted token) in ways other tests must never see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../../sandbox/server';
import type { BillingApi } from './sandbox-api';
import { assertRendererBuilt, launchWebHost, type WebHostProcess } from './web-host-process';

export interface OwnBackend {
  api: BillingApi;
  /** A web host on the shared data dir; `token` stands in for the one the sandbox accepts. */
  launch(options?: { token?: string }): Promise<WebHostProcess>;
  /** Kills every web host still running, then closes the sandbox and removes their data. */
  close(): Promise<void>;
}

export async function startOwnBackend(name: string): Promise<OwnBackend> {
  assertRendererBuilt();
  const root = mkdtempSync(join(tmpdir(), `abc-${name}-`));
  const sandbox = await startSandbox({ dataDir: join(root, 'sandbox') });
  const launched: WebHostProcess[] = [];
  return {
    api: { url: sandbox.url, token: sandbox.token },
    async launch({ token = sandbox.token } = {}) {
      const host = await launchWebHost({
        dataDir: join(root, 'app'),
        env: { BILLING_API_URL: sandbox.url, BILLING_API_TOKEN: token },
      });
      launched.push(host);
      return host;
    },
    async close() {
      await Promise.all(launched.map((host) => host.kill()));
      await sandbox.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
