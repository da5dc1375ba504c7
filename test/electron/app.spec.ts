import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import { prepareApp, launchApp, skipReason } from './support/electron-app';

/** The real Electron app: window, bridge, guards and the app:// page with its CSP. */
if (skipReason) console.log(skipReason);
test.skip(skipReason !== null, skipReason ?? '');

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

test.beforeAll(async () => {
  prepareApp();
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

test('serves the page from app:// with the run-time CSP header and no <meta> policy', async () => {
  expect(page.url()).toMatch(/^app:\/\/renderer\/index\.html(#.*)?$/);
  const policy = await page.evaluate(async () => {
    const { href } = (globalThis as unknown as PageGlobals).location;
    const response = await fetch(href.split('#')[0] ?? href);
    return response.headers.get('content-security-policy');
  });
  // Demo mode: the only loopback source is the embedded sandbox, on the port it picked at start.
  const sandboxOrigin = /script-src [^;]*?(http:\/\/127\.0\.0\.1:\d+)/.exec(policy ?? '')?.[1];
  expect(sandboxOrigin).toBeDefined();
  expect(policy).toBe(contentSecurityPolicy({ asHeader: true, sandboxOrigin }));
  await expect(page.locator('meta[http-equiv="Content-Security-Policy" i]')).toHaveCount(0);
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
