/** Checks every request passes before the sandbox looks at what it asks for. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError, invalidRequest } from './api-error';

const LOOPBACK_HOSTNAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];
const WILDCARD_HOSTS = ['0.0.0.0', '::'];
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A page on some other site could reach a loopback server through DNS rebinding;
 * refusing unexpected Host headers closes that door.
 */
export function createHostCheck(boundHost: string): (req: IncomingMessage) => void {
  if (WILDCARD_HOSTS.includes(boundHost)) return () => undefined;
  const allowed = new Set([...LOOPBACK_HOSTNAMES, boundHost.toLowerCase()]);
  return (req) => {
    const header = req.headers.host ?? '';
    const hostname = header.replace(/:\d+$/, '').toLowerCase();
    if (!allowed.has(hostname)) {
      throw new ApiError(421, 'invalid_request', `Host "${header}" is not served here`, {
        code: 'host_not_allowed',
      });
    }
  };
}

export function createBearerCheck(token: string): (req: IncomingMessage) => void {
  const expected = Buffer.from(token, 'utf8');
  return (req) => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const given = Buffer.from(match?.[1] ?? '', 'utf8');
    if (!match || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError(
        401,
        'unauthorized',
        match ? 'The API token is not valid' : 'Send the API token as "Authorization: Bearer <token>"',
        { headers: { 'WWW-Authenticate': 'Bearer realm="billing-sandbox"' } },
      );
    }
  };
}

/** Reads a JSON request body; only application/json up to MAX_BODY_BYTES is accepted. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new ApiError(415, 'invalid_request', 'Send the body as application/json', {
      code: 'unsupported_media_type',
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(413, 'invalid_request', `The body is larger than ${MAX_BODY_BYTES} bytes`, {
        code: 'body_too_large',
      });
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidRequest('The body is not valid JSON', 'invalid_json');
  }
}
