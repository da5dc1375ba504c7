/**
 * The one Content-Security-Policy of the app. It is delivered only as a
 * response header, computed when the host starts: the Electron main process
 * sends it with every app:// response (and on the dev server's page), the web
 * host with every HTML page. A <meta> copy would be fixed at build time and,
 * because a page enforces every policy it receives, would cancel the
 * run-time sandbox origin below.
 */
type Directives = ReadonlyArray<readonly [string, readonly string[]]>;

const BASE_DIRECTIVES: Directives = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['frame-src', []],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
];

/**
 * Exactly what Stripe's integration security guide lists for Stripe.js (script
 * and frames on js.stripe.com and its subdomains, hooks.stripe.com frames for
 * 3-D Secure, api.stripe.com connections) and for Embedded Checkout
 * (checkout.stripe.com scripts, frames and connections, images from
 * *.stripe.com). The Address Element's maps.googleapis.com is left out: the app
 * does not use it.
 */
export const STRIPE_SOURCES: Directives = [
  ['script-src', ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://checkout.stripe.com']],
  [
    'frame-src',
    [
      'https://js.stripe.com',
      'https://*.js.stripe.com',
      'https://hooks.stripe.com',
      'https://checkout.stripe.com',
    ],
  ],
  ['connect-src', ['https://api.stripe.com', 'https://checkout.stripe.com']],
  ['img-src', ['https://*.stripe.com']],
];

export interface CspOptions {
  /**
   * Demo mode only: the embedded billing sandbox (a random loopback port known
   * at run time) serves the Stripe.js stand-in script and the pages it frames.
   * The stand-in itself makes no requests, so connect-src stays untouched.
   */
  sandboxOrigin?: string;
  /**
   * Development only: Vite serves the page, pushes updates over a WebSocket,
   * injects CSS as <style> elements and runs the React Fast Refresh preamble
   * inline. Production builds never pass this.
   */
  devServerOrigin?: string;
  /** `frame-ancestors` is ignored in <meta>, so only header deliveries add it. */
  asHeader?: boolean;
}

/** The origin of an http(s) URL; anything else is refused so nothing can smuggle extra directives in. */
export function httpOrigin(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`Not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RangeError(`Not an http(s) URL: ${url}`);
  }
  return parsed.origin;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives = new Map(BASE_DIRECTIVES.map(([name, sources]) => [name, [...sources]]));
  const add = (name: string, ...sources: string[]) => directives.get(name)?.push(...sources);
  for (const [name, sources] of STRIPE_SOURCES) add(name, ...sources);
  if (options.sandboxOrigin) {
    const sandbox = httpOrigin(options.sandboxOrigin);
    add('script-src', sandbox);
    add('frame-src', sandbox);
  }
  const dev = options.devServerOrigin;
  if (dev) {
    const origin = httpOrigin(dev);
    add('script-src', origin, "'unsafe-inline'");
    add('style-src', "'unsafe-inline'");
    add('connect-src', origin, origin.replace(/^http/, 'ws'));
  }
  if (options.asHeader) directives.set('frame-ancestors', ["'none'"]);
  return [...directives].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
