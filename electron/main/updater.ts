import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/runtime/types';
import { UpdateController } from '../core/updates/update-controller';
import { decideUpdateSupport } from '../core/updates/update-support';

/**
 * Self-update through electron-updater and the generic feed baked into the
 * build (resources/app-update.yml, written by electron-builder from `publish`).
 * Returns null where the app must not update itself; the core then reports 'unsupported'.
 */
export function createAppUpdater(logger: Logger): UpdateController | null {
  const support = decideUpdateSupport({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    hasFeedConfig: app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml')),
  });
  if (!support.supported) {
    logger.info('Automatic updates are off', { reason: support.reason });
    return null;
  }

  // electron-updater is CommonJS and creates its autoUpdater lazily, so it is read off the default export.
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = {
    info: (message: unknown) => logger.info(`Updater: ${String(message)}`),
    warn: (message: unknown) => logger.warn(`Updater: ${String(message)}`),
    error: (message: unknown) => logger.error(`Updater: ${String(message)}`),
  };

  const controller = new UpdateController({
    driver: {
      check: async () => {
        await autoUpdater.checkForUpdates();
      },
      // Silent so the installer reuses the chosen folder without asking again; relaunch when done.
      quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
    },
    logger,
  });
  autoUpdater.on('checking-for-update', () => controller.handle({ type: 'checking' }));
  autoUpdater.on('update-available', (info) =>
    controller.handle({ type: 'available', version: info.version }),
  );
  autoUpdater.on('update-not-available', () => controller.handle({ type: 'not-available' }));
  autoUpdater.on('download-progress', (progress) =>
    controller.handle({ type: 'progress', percent: progress.percent }),
  );
  autoUpdater.on('update-downloaded', (info) =>
    controller.handle({ type: 'downloaded', version: info.version }),
  );
  autoUpdater.on('error', (error) => controller.handle({ type: 'error', message: error.message }));
  return controller;
}
