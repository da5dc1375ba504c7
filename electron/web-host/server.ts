/**
 * The web host: runs the app core under plain Node and lets a browser tab use
 * it as the renderer would use Electron's preload bridge (see
 * shared/ipc/web-bridge.ts for the protocol).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  WEB_EVENTS_PATH,
  WEB_INVOKE_PATH,
  WEB_SECRET_QUERY,
  webSessionCookieName,
} from '../../shared/ipc/web-bridge';
import { contentSecurityPolicy, httpOrigin } from '../../shared/security/content-security-policy';
import type { AppRuntime } from '../core/runtime/types';
import { EventStreams, handleInvoke } from './api-routes';
import { DOWNLOADS_PATH, type Downloads } from './downloads';
import {
  allowedHosts,
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
  SessionRegistry,
  sessionCookieHeader,
} from './request-guard';
import { API_HEADERS, htmlHeaders, send, sendEnvelopeError, sendSignInHint, sendText } from './responses';
import { SignInLinks } from './sign-in-links';
import { StaticFiles } from './static-files';

export interface WebHostOptions {
  runtime: AppRuntime;
  /** The built renderer, normally out/renderer. */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Files the core saved for this browser (the runtime's files port); closed with the host. */
  downloads?: Downloads;
}

export interface WebHost {
  /**
   * A new sign-in URL: opening it signs one browser in, once. Asking again
   * withdraws a URL from an earlier call that was never opened.
   */
  signInUrl(): string;
  origin: string;
  close(): Promise<void>;
}

function splitUrl(rawUrl: string): { path: string; query: URLSearchParams } {
  const mark = rawUrl.indexOf('?');
  if (mark < 0) return { path: rawUrl, query: new URLSearchParams() };
  return { path: rawUrl.slice(0, mark), query: new URLSearchParams(rawUrl.slice(mark + 1)) };
}

function rejectUnauthenticated(res: ServerResponse, path: string, pageHeaders: Record<string, string>): void {
  if (path === '/' || path === '/index.html') sendSignInHint(res, 401, pageHeaders);
  else if (path.startsWith('/api/'))
    sendEnvelopeError(res, 401, 'unauthorized', 'Not signed in to the web host.');
  else sendText(res, 401, 'Open the URL printed by npm run web.');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const signInLinks = new SignInLinks();
  const sessions = new SessionRegistry();
  const streams = new EventStreams(options.runtime);
  // Demo mode loads the Stripe.js stand-in from the embedded sandbox, whose port is picked at run time.
  const sandbox = options.runtime.sandbox;
  const pageHeaders = htmlHeaders(
    contentSecurityPolicy({ asHeader: true, sandboxOrigin: sandbox ? httpOrigin(sandbox.url) : undefined }),
  );
  const files = new StaticFiles(options.rendererDir, pageHeaders);
  let hosts: ReadonlySet<string> = new Set();
  let cookieName = '';

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req, hosts)) {
      sendText(res, 421, 'This host name is not served here.');
      return;
    }
    if (!isAllowedOrigin(req)) {
      sendText(res, 403, 'Cross-origin requests are not allowed.');
      return;
    }
    const { path, query } = splitUrl(req.url ?? '/');
    const offeredSecret = query.get(WEB_SECRET_QUERY);
    const signedIn = sessions.isValid(readCookie(req, cookieName));
    if (path === '/' && offeredSecret !== null) {
      const outcome = signInLinks.redeem(offeredSecret);
      if (outcome === 'signed-in') {
        // Redirect so the secret leaves the address bar and history.
        send(res, 302, {
          ...API_HEADERS,
          Location: '/',
          'Set-Cookie': sessionCookieHeader(cookieName, sessions.create()),
        });
      } else if (signedIn) {
        // The browser this link already signed in (a second click in the terminal): no new session, just the app.
        send(res, 302, { ...API_HEADERS, Location: '/' });
      } else {
        sendSignInHint(res, 401, pageHeaders, outcome);
      }
      return;
    }
    if (!signedIn) {
      rejectUnauthenticated(res, path, pageHeaders);
      return;
    }
    if (path.startsWith(WEB_INVOKE_PATH)) {
      await handleInvoke(options.runtime, req, res, safeDecode(path.slice(WEB_INVOKE_PATH.length)));
      return;
    }
    if (path === WEB_EVENTS_PATH) {
      streams.handle(req, res);
      return;
    }
    if (path.startsWith(DOWNLOADS_PATH) && options.downloads) {
      await options.downloads.serve(res, path.slice(DOWNLOADS_PATH.length));
      return;
    }
    if (path.startsWith('/api/')) {
      sendEnvelopeError(res, 404, 'not_found', 'No such API route.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, 'Method not allowed.');
      return;
    }
    await files.serve(res, path);
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendEnvelopeError(res, 500, 'internal', 'The web host failed to answer.');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(port);
  cookieName = webSessionCookieName(port);
  const origin = `http://${host}:${port}`;

  return {
    signInUrl: () => `${origin}/?${WEB_SECRET_QUERY}=${signInLinks.issue()}`,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        streams.closeAll();
        options.downloads?.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Undecodable channel names simply match no channel. */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
