/**
 * Stripe's Idempotency-Key semantics: the first result for a key is stored with a
 * fingerprint of the request, in the same transaction as the work it records; the
 * same key and request replay it, the same key with another request is a 409.
 * Like Stripe, a key is pruned 24 hours after its first use (by the test clock),
 * and a request with a pruned key is a new request.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError, invalidRequest } from './api-error';

const MAX_KEY_LENGTH = 255;
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

export function idempotencyKeyOf(req: IncomingMessage): string | null {
  const header = req.headers['idempotency-key'];
  if (header === undefined) return null;
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw invalidRequest(`Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters`, 'invalid_idempotency_key');
  }
  return key;
}

export function keyReused(): ApiError {
  return new ApiError(
    409,
    'conflict',
    'This Idempotency-Key was already used with a different request; use a new key for a new request',
    { code: 'idempotency_key_reused' },
  );
}
