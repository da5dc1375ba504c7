import type { AppUrl } from './app-url';

/**
 * The one permission the app's own page may use: writing plain text to the
 * clipboard ("Copy details" on a sync problem, a credit-log entry's raw id).
 * Chromium sanitizes what is written and never lets a page read the clipboard
 * with it.
 */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

export function isPermissionGranted(permission: string, requestingUrl: string, appUrl: AppUrl): boolean {
  return permission === CLIPBOARD_WRITE && appUrl.isAppPage(requestingUrl);
}
