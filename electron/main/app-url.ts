/**
 * Where the renderer is loaded from, and the single rule deciding whether a URL
 * is "our page". IPC authorization, navigation guards and the CSP header all
 * ask this one object so they can never disagree.
 */
import { isLoopbackHost } from '../../shared/security/billing-api-url';

export interface AppUrl {
  /** What the window loads. */
  readonly entry: string;
  /** The Vite dev server origin in development, otherwise null. */
  readonly devOrigin: string | null;
  isAppPage(url: string): boolean;
}

/**
 * The built renderer is served by the main process under this privileged
 * scheme (see app-protocol.ts) rather than from file://, so the page has a
 * real origin of its own and every response can carry the CSP header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

export function createAppUrl(options: { devServerUrl?: string } = {}): AppUrl {
  if (options.devServerUrl) {
    const devUrl = new URL(options.devServerUrl);
    if (devUrl.protocol !== 'http:' || !isLoopbackHost(devUrl.hostname)) {
      throw new Error(`Refusing a renderer dev server that is not on this machine: ${options.devServerUrl}`);
    }
    const devOrigin = devUrl.origin;
    return {
      entry: devUrl.href,
      devOrigin,
      isAppPage: (url) => parseUrl(url)?.origin === devOrigin,
    };
  }
  return {
    entry: APP_ENTRY,
    devOrigin: null,
    // Routing is hash-based, so the document itself never changes: compare without the fragment.
    // (Node gives non-special schemes an opaque "null" origin, so the parts are compared instead.)
    isAppPage: (url) => {
      const parsed = parseUrl(url);
      return (
        parsed !== null &&
        parsed.protocol === `${APP_SCHEME}:` &&
        parsed.host === APP_HOST &&
        parsed.pathname === '/index.html' &&
        parsed.search === '' &&
        parsed.username === '' &&
        parsed.password === ''
      );
    },
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
