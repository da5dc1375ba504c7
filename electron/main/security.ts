import { app, session, shell, type WebContents } from 'electron';
import type { Logger } from '../core/runtime/types';
import type { AppUrl } from './app-url';
import type { ExternalLinkRule } from './external-links';
import { isPermissionGranted } from './permissions';

export interface SessionHardening {
  appUrl: AppUrl;
  /** The one policy (shared/security/content-security-policy.ts) for this run. */
  contentSecurityPolicy: string;
  externalLinks: ExternalLinkRule;
  logger: Logger;
}

/**
 * Session-wide hardening: no permissions beyond writing text to the clipboard, and a guard on every
 * webContents that is ever created (ours or not), so a page can never navigate
 * away, open windows or embed webviews. The packaged page gets its CSP from the
 * app:// handler; the dev server's page gets it here.
 */
export function hardenSession({
  appUrl,
  contentSecurityPolicy,
  externalLinks,
  logger,
}: SessionHardening): void {
  if (appUrl.devOrigin) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      if (!appUrl.isAppPage(details.url)) {
        callback({});
        return;
      }
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
      });
    });
  }

  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const granted = isPermissionGranted(permission, details.requestingUrl ?? webContents.getURL(), appUrl);
    if (!granted) logger.warn('Denied a permission request', { permission });
    callback(granted);
  });
  // A check names only an origin; the page asking is the webContents' own document.
  session.defaultSession.setPermissionCheckHandler(
    (webContents, permission) =>
      webContents !== null && isPermissionGranted(permission, webContents.getURL(), appUrl),
  );

  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, appUrl, externalLinks, logger),
  );
}

function guardWebContents(
  contents: WebContents,
  appUrl: AppUrl,
  externalLinks: ExternalLinkRule,
  logger: Logger,
): void {
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Blocked a <webview>');
  });

  contents.on('will-navigate', (event) => {
    if (appUrl.isAppPage(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked navigation away from the app', { url: event.url });
  });

  // Frames (Stripe's 3-D Secure pages redirect inside theirs) are bounded by the CSP's frame-src instead.
  contents.on('will-redirect', (event) => {
    if (!event.isMainFrame || appUrl.isAppPage(event.url)) return;
    event.preventDefault();
    logger.warn('Blocked a redirect away from the app', { url: event.url });
  });

  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinks(url);
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
