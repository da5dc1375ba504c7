/**
 * A real app runtime (embedded sandbox, temp cache) behind a real web host,
 * serving a tiny stand-in renderer so static-file tests do not depend on a build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppRuntime } from '../../../../electron/core/runtime/start-app-runtime';
import type { AppRuntime } from '../../../../electron/core/runtime/types';
import { MemorySecretStore } from '../../../../electron/core/secrets/secret-store';
import { Downloads } from '../../../../electron/web-host/downloads';
import { startWebHost, type WebHost } from '../../../../electron/web-host/server';

export const INDEX_HTML =
  '<!doctype html><title>Renderer</title><script type="module" src="/assets/app.js"></script>';
export const APP_JS = 'document.title = "loaded";';
/** Lives next to the renderer folder: reachable only through a traversal bug. */
export const OUTSIDE_SECRET = 'not-for-the-browser';

export interface TestHost {
  host: WebHost;
  runtime: AppRuntime;
  stop(): Promise<void>;
}

export async function startTestHost(): Promise<TestHost> {
  const root = mkdtempSync(join(tmpdir(), 'abc-web-host-'));
  const dataDir = join(root, 'data');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(root, 'outside.txt'), OUTSIDE_SECRET);

  const downloads = new Downloads();
  const runtime = await startAppRuntime({
    env: { APP_DATA_DIR: dataDir, SANDBOX_PORT: '0' },
    defaultDataDir: dataDir,
    version: '0.0.0-test',
    secretStore: new MemorySecretStore(),
    files: downloads,
  });
  const host = await startWebHost({ runtime, rendererDir, port: 0, host: '127.0.0.1', downloads });
  return {
    host,
    runtime,
    async stop() {
      await host.close();
      await runtime.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
