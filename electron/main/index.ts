import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { startAppRuntime } from '../core/runtime/start-app-runtime';
import type { AppRuntime } from '../core/runtime/types';
import { contentSecurityPolicy, httpOrigin } from '../../shared/security/content-security-policy';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createAppUrl } from './app-url';
import { createExternalLinkRule } from './external-links';
import { registerIpc } from './ipc';
import { createElectronFilesPort } from './files-port';
import { createLogger } from './logger';
import { installAppMenu } from './menu';
import { resolveNativeBinding } from './native-binding';
import { SafeStorageSecretStore } from './secret-store';
import { hardenSession } from './security';
import { createAppUpdater } from './updater';
import { createMainWindow } from './window';
import { windowIconPath } from './window-icon';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// APP_DATA_DIR moves everything the app writes (cache, window state, credentials, Chromium
// profile, single-instance lock) so tests and side-by-side profiles never touch the real one.
if (process.env.APP_DATA_DIR) app.setPath('userData', resolve(process.env.APP_DATA_DIR));

app.enableSandbox();
registerAppScheme();

const logger = createLogger(app.isPackaged ? app.getPath('logs') : null);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let runtime: AppRuntime | null = null;
  let stopIpc: (() => void) | null = null;
  let shutdown: 'running' | 'stopping' | 'stopped' = 'running';
  const updater = createAppUpdater(logger);

  const appUrl = createAppUrl({
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  });
  const openWindow = () =>
    createMainWindow({
      appUrl,
      preloadPath: join(outDir, 'preload', 'index.cjs'),
      userDataDir: app.getPath('userData'),
      logger,
      icon: windowIconPath({
        platform: process.platform,
        isPackaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        appRoot: app.getAppPath(),
      }),
    });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (runtime && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('before-quit', (event) => {
    if (shutdown === 'stopped' || !runtime) return;
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    stopIpc?.();
    updater?.stop();
    runtime
      .stop()
      .catch((error: unknown) => logger.error('The app core did not stop cleanly', { error: String(error) }))
      .finally(() => {
        shutdown = 'stopped';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      const userData = app.getPath('userData');
      const started = await startAppRuntime({
        env: process.env,
        defaultDataDir: userData,
        version: app.getVersion(),
        secretStore: new SafeStorageSecretStore(join(userData, 'credentials.bin'), logger),
        nativeBinding: resolveNativeBinding({
          isPackaged: app.isPackaged,
          appRoot: app.getAppPath(),
          electronVersion: process.versions.electron,
        }),
        logger,
        packaged: app.isPackaged,
        updates: updater ?? undefined,
        files: createElectronFilesPort(),
      });
      runtime = started;
      // Known only now: in demo mode the Stripe.js stand-in comes from the sandbox's random port.
      const sandboxUrl = started.sandbox?.url ?? null;
      const policy = contentSecurityPolicy({
        asHeader: true,
        sandboxOrigin: sandboxUrl ? httpOrigin(sandboxUrl) : undefined,
        devServerOrigin: appUrl.devOrigin ?? undefined,
      });
      if (!appUrl.devOrigin) {
        serveRenderer({ rendererDir: join(outDir, 'renderer'), contentSecurityPolicy: policy });
      }
      hardenSession({
        appUrl,
        contentSecurityPolicy: policy,
        externalLinks: createExternalLinkRule({ linkOrigins: () => started.linkOrigins() }),
        logger,
      });
      stopIpc = registerIpc(started, appUrl, logger);
      installAppMenu(
        {
          syncNow: () => {
            started.invoke('sync.now', {}).then((result) => {
              if (!result.ok) logger.warn('Sync from the menu failed', { error: result.error });
            });
          },
        },
        { isMac: process.platform === 'darwin', isDev: !app.isPackaged },
      );
      openWindow();
      updater?.start();
    })
    .catch((error: unknown) => {
      logger.error('The app could not start', { error: String(error) });
      dialog.showErrorBox(
        'Agency Billing Companion could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
