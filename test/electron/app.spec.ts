import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

/**
 * Launches the real Electron app (built main, preload and renderer) against its
 * embedded billing sandbox. Needs the Electron binary, which only a developer
 * machine with network access for `npm ci` has.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function findElectronBinary(): { path: string } | { reason: string } {
  const missing =
    'Electron binary not installed on this machine (cannot be downloaded here); ' +
    'run on a developer machine with `npm ci` network access.';
  try {
    // require('electron') itself starts a download when the binary is missing, so look first
    // at the files it would read (path.txt names the executable inside dist/).
    const require = createRequire(import.meta.url);
    const packageDir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile) || !existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) {
      return { reason: missing };
    }
    const executable: unknown = require('electron');
    return typeof executable === 'string' && existsSync(executable)
      ? { path: executable }
      : { reason: missing };
  } catch (error) {
    return { reason: `${missing} (${String(error)})` };
  }
}

const binary = findElectronBinary();
if ('reason' in binary) console.log(binary.reason);
test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

test.describe.configure({ mode: 'serial' });

type PageGlobals = Record<string, unknown> & {
  api?: {
    invoke(channel: string, input: unknown): Promise<unknown>;
    on(event: string, listener: (payload: unknown) => void): () => void;
  };
  open(url: string): unknown;
  location: { href: string };
};

let dataDir: string;
let app: ElectronApplication;
let page: Page;

async function launchApp(appDataDir: string): Promise<ElectronApplication> {
  if (!('path' in binary)) throw new Error('unreachable: the file is skipped without a binary');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) env[key] = value;
  }
  // Demo mode against the embedded sandbox, loading the built renderer rather than a dev server.
  delete env.BILLING_API_URL;
  delete env.BILLING_API_TOKEN;
  delete env.ELECTRON_RENDERER_URL;
  return electron.launch({
    executablePath: binary.path,
    args: ['.'],
    cwd: repoRoot,
    env: { ...env, APP_DATA_DIR: appDataDir, SANDBOX_PORT: '0' },
  });
}

test.beforeAll(async () => {
  expect(existsSync(join(repoRoot, 'out', 'main', 'index.js')), 'run `npm run build` first').toBe(true);
  dataDir = mkdtempSync(join(tmpdir(), 'abc-electron-'));
  app = await launchApp(dataDir);
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('opens on the client list from the demo billing sandbox', async () => {
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Clients' }).locator('tbody').getByRole('row');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(20);
  expect(await rows.count()).toBeLessThanOrEqual(30);
});

test('the page gets window.api but no Node or Electron internals', async () => {
  const globals = await page.evaluate(() => {
    const scope = globalThis as unknown as PageGlobals;
    return {
      api: typeof scope.api,
      apiKeys: Object.keys(scope.api ?? {}).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
      ipcRenderer: typeof scope.ipcRenderer,
    };
  });
  expect(globals).toEqual({
    api: 'object',
    apiKeys: ['invoke', 'on'],
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
});

test('the bridge answers contract channels with an IpcResult envelope', async () => {
  const reply = await page.evaluate(() => (globalThis as unknown as PageGlobals).api?.invoke('app.info', {}));
  expect(reply).toMatchObject({ ok: true });
});

test('the preload refuses channels and events outside the contract', async () => {
  const outcome = await page.evaluate(async () => {
    const api = (globalThis as unknown as PageGlobals).api;
    const invoke = await api?.invoke('fs.readFile', { path: '/etc/passwd' }).then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    let on = 'accepted';
    try {
      api?.on('app.quit', () => undefined);
    } catch (error) {
      on = error instanceof Error ? error.message : String(error);
    }
    return { invoke, on };
  });
  expect(outcome.invoke).toContain('Unknown IPC channel');
  expect(outcome.on).toContain('Unknown IPC event');
});

test('window.open never creates a window', async () => {
  const opened = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).open('http://example.com/') === null,
  );
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});

test('the page cannot navigate away from the app', async () => {
  const appUrl = page.url();
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'http://example.com/';
  });
  // The main process cancels the navigation; give it time to have happened if it were allowed.
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(appUrl);
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
});

test('remembers the window size for the next start', async () => {
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setSize(1000, 700));
  await app.close();
  const saved: unknown = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'));
  expect(saved).toMatchObject({ width: 1000, height: 700, isMaximized: false });

  app = await launchApp(dataDir);
  page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'Clients' })).toBeVisible();
  const size = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getSize());
  expect(size).toEqual([1000, 700]);
});
