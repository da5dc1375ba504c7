import { app, session, shell, type WebContents } from 'electron';
import type { Logger } from '../core/runtime/types';
import { externalHttpsUrl, type AppUrl } from './app-url';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';

/**
 * Session-wide hardening: the CSP header, no permissions for anything, and a
 * guard on every webContents that is ever created (ours or not), so a page
 * can never navigate away, open windows or embed webviews.
 */
export function hardenSession(appUrl: AppUrl, logger: Logger): void {
  const policy = contentSecurityPolicy({ devServerOrigin: appUrl.devOrigin ?? undefined, asHeader: true });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!appUrl.isAppPage(details.url)) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });

  session.defaultSession.setPermissionRequestHandler((_webContents, permission, callback) => {
    logger.warn('Denied a permission request', { permission });
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrl, logger));
}

function guardWebContents(contents: WebContents, appUrl: AppUrl, logger: Logger): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview>');
  });

  contents.on('will-navigate', (event) => {
    if (appUrl.isAppPage(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked navigation away from the app', { url: event.url });
  });

  contents.on('will-redirect', (event) => {
    if (appUrl.isAppPage(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked a redirect away from the app', { url: event.url });
  });

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalHttpsUrl(url);
    if (external) {
      shell.openExternal(external).catch((error: unknown) => {
        logger.error('Could not open a link in the system browser', { url: external, error: String(error) });
      });
    } else {
      logger.warn('Blocked a window.open', { url });
    }
    return { action: 'deny' };
  });
}
