/**
 * Who may talk to the web host. The host binds to loopback only, but any web
 * page the user visits can still reach loopback ports, so every request must
 * prove it comes from a browser that opened a printed one-time sign-in URL.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, so secrets and session tokens are compared and kept without their plain text. */
export function secretDigest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares digests so that neither the content nor the length of the secret leaks through timing. */
export function secretsMatch(candidate: string, secret: string): boolean {
  return timingSafeEqual(secretDigest(candidate), secretDigest(secret));
}

/**
 * A DNS-rebinding page reaches us under its own host name; only the literal
 * loopback names with our port are ours.
 */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(req: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && hosts.has(host.toLowerCase());
}

/** Browsers send Origin on cross-site and state-changing requests; when present it must be our own. */
export function isAllowedOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${req.headers.host ?? ''}`;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

export interface SessionLimits {
  /** A session unused this long is forgotten (the browser must open a new printed URL). */
  idleMs: number;
  /** At most this many sessions; a new one beyond it evicts the one used longest ago. */
  max: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 12 * 60 * 60 * 1000, max: 32 };

/**
 * Session tokens are kept only as digests, so a lookup's timing says nothing
 * about a valid token. Sessions expire when idle and their number is bounded,
 * so a page that opens the printed URL in a loop cannot grow the registry.
 */
export class SessionRegistry {
  /** Digest → last use; a Map keeps insertion order, which a touch renews, so the first key is the stalest. */
  private readonly lastUse = new Map<string, number>();

  constructor(
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  create(): string {
    const token = randomToken();
    this.touch(secretDigest(token).toString('hex'));
    while (this.lastUse.size > this.limits.max) {
      const stalest = this.lastUse.keys().next().value;
      if (stalest === undefined) break;
      this.lastUse.delete(stalest);
    }
    return token;
  }

  /** Valid sessions count as used now. */
  isValid(token: string | null): boolean {
    if (token === null || token.length === 0) return false;
    const key = secretDigest(token).toString('hex');
    const used = this.lastUse.get(key);
    if (used === undefined) return false;
    if (this.now() - used > this.limits.idleMs) {
      this.lastUse.delete(key);
      return false;
    }
    this.touch(key);
    return true;
  }

  private touch(key: string): void {
    this.lastUse.delete(key);
    this.lastUse.set(key, this.now());
  }
}

export function sessionCookieHeader(name: string, token: string): string {
  return `${name}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
