import { pathToFileURL } from 'node:url';

/**
 * Where the renderer is loaded from, and the single rule deciding whether a URL
 * is "our page". IPC authorization, navigation guards and the CSP header all
 * ask this one object so they can never disagree.
 */
export interface AppUrl {
  /** What the window loads. */
  readonly entry: string;
  /** The Vite dev server origin in development, otherwise null. */
  readonly devOrigin: string | null;
  isAppPage(url: string): boolean;
}

export function createAppUrl(options: { rendererIndexHtml: string; devServerUrl?: string }): AppUrl {
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
  const fileUrl = pathToFileURL(options.rendererIndexHtml).href;
  return {
    entry: fileUrl,
    devOrigin: null,
    // Routing is hash-based, so the document itself never changes: compare without the fragment.
    isAppPage: (url) => {
      const parsed = parseUrl(url);
      if (!parsed || parsed.protocol !== 'file:') return false;
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === fileUrl;
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

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** Only https links leave the app, and only to the system browser. */
export function externalHttpsUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  return parsed.href;
}
