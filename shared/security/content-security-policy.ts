/**
 * The one Content-Security-Policy of the app. The renderer's <meta> tag is
 * injected from it at build time, the Electron main process sends it as a
 * header, and the web host does too; a source added here reaches all three.
 */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
];

export interface CspOptions {
  /**
   * Development only: Vite serves the page, pushes updates over a WebSocket,
   * injects CSS as <style> elements and runs the React Fast Refresh preamble
   * inline. Production builds never pass this.
   */
  devServerOrigin?: string;
  /** `frame-ancestors` is ignored in <meta>, so only header deliveries add it. */
  asHeader?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives = new Map(BASE_DIRECTIVES.map(([name, sources]) => [name, [...sources]]));
  const dev = options.devServerOrigin;
  if (dev) {
    const hmrSocket = dev.replace(/^http/, 'ws');
    directives.get('script-src')?.push(dev, "'unsafe-inline'");
    directives.get('style-src')?.push("'unsafe-inline'");
    directives.get('connect-src')?.push(dev, hmrSocket);
  }
  if (options.asHeader) directives.set('frame-ancestors', ["'none'"]);
  return [...directives].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
