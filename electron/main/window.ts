import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../core/runtime/types';
import type { AppUrl } from './app-url';
import {
  fitToDisplays,
  MIN_WINDOW_SIZE,
  readWindowState,
  writeWindowState,
  type WindowState,
} from './window-state';

export interface MainWindowOptions {
  appUrl: AppUrl;
  preloadPath: string;
  userDataDir: string;
  logger: Logger;
  /** Window and taskbar icon (Windows, Linux). */
  icon?: string;
}

export function createMainWindow({
  appUrl,
  preloadPath,
  userDataDir,
  logger,
  icon,
}: MainWindowOptions): BrowserWindow {
  const stateFile = join(userDataDir, 'window-state.json');
  const state = fitToDisplays(
    readWindowState(stateFile),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea),
  );

  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Agency Billing Companion',
    ...(icon ? { icon } : {}),
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-clicks would otherwise try to open links in new windows (which the window-open handler denies anyway).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });

  window.once('ready-to-show', () => {
    if (state.isMaximized) window.maximize();
    window.show();
  });

  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const next: WindowState = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.max(Math.round(bounds.width), MIN_WINDOW_SIZE.width),
      height: Math.max(Math.round(bounds.height), MIN_WINDOW_SIZE.height),
      isMaximized: window.isMaximized(),
    };
    try {
      writeWindowState(stateFile, next);
    } catch (error) {
      logger.warn('Could not remember the window position', { error: String(error) });
    }
  });

  window.loadURL(appUrl.entry).catch((error: unknown) => {
    logger.error('The app page failed to load', { url: appUrl.entry, error: String(error) });
  });
  return window;
}
