/**
 * Which links (hosted invoices, Stripe receipts) may leave the app for the
 * system browser: https without credentials and, only while the app embeds the
 * billing sandbox (demo mode), plain http pages of that sandbox on this machine
 * (its hosted invoices live there). Everything else is refused.
 */
export type ExternalLinkRule = (url: string) => string | null;

/** The names the sandbox's own links use for this machine. */
const SANDBOX_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);

export function createExternalLinkRule(options: { sandboxUrl?: string | null }): ExternalLinkRule {
  const sandboxPort = options.sandboxUrl ? loopbackHttpPort(options.sandboxUrl) : null;
  return (url) => {
    const parsed = parseUrl(url);
    if (!parsed || parsed.username || parsed.password) return null;
    if (parsed.protocol === 'https:') return parsed.href;
    if (sandboxPort !== null && loopbackHttpPort(parsed.href) === sandboxPort) return parsed.href;
    return null;
  };
}

/** The port of an http URL on 127.0.0.1 or localhost (default port included), else null. */
function loopbackHttpPort(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'http:' || !SANDBOX_HOSTS.has(parsed.hostname)) return null;
  return parsed.port || '80';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
