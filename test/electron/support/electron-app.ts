/**
 * Launching the real Electron app (built main, preload and renderer) against
 * its embedded billing sandbox. Needs the Electron binary, which only a
 * developer machine with network access for `npm ci` has; without it the specs
 * skip with the reason below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication } from '@playwright/test';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

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

export const electronBinary = findElectronBinary();
/** Why the Electron specs cannot run here, or null when they can. */
export const skipReason = 'reason' in electronBinary ? electronBinary.reason : null;

/**
 * The built app, plus the Electron-ABI better-sqlite3 that an unpackaged app
 * loads (electron/main/native-binding.ts). `npm start` and `npm run dev` make
 * it first; `npm test` does not, and without it the app stops at a startup
 * error box instead of opening a window.
 */
export function prepareApp(): void {
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` before the Electron tests.');
  }
  const ensured = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-electron-native.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (ensured.status !== 0) {
    throw new Error('Could not prepare better-sqlite3 for Electron (scripts/ensure-electron-native.mjs).');
  }
}

/** Demo mode against the embedded sandbox, loading the built renderer rather than a dev server. */
export async function launchApp(appDataDir: string): Promise<ElectronApplication> {
  if (!('path' in electronBinary)) throw new Error(`Cannot launch Electron: ${electronBinary.reason}`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) env[key] = value;
  }
  delete env.BILLING_API_URL;
  delete env.BILLING_API_TOKEN;
  delete env.ELECTRON_RENDERER_URL;
  // Set in shells started by VS Code and its Playwright extension; it would start Electron as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return electron.launch({
    executablePath: electronBinary.path,
    args: ['.'],
    cwd: REPO_ROOT,
    env: { ...env, APP_DATA_DIR: appDataDir, SANDBOX_PORT: '0' },
  });
}
