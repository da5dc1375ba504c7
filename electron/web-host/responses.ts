/** Response writers that always carry the web host's security headers. */
import type { ServerResponse } from 'node:http';
import type { AppErrorKind, IpcResult } from '../../shared/ipc/errors';
import type { SignInRefusal } from './sign-in-links';

const BASE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Headers for every HTML page; the policy is computed when the host starts (it may name the sandbox). */
export function htmlHeaders(contentSecurityPolicy: string): Record<string, string> {
  return { ...BASE_HEADERS, 'Content-Security-Policy': contentSecurityPolicy, 'X-Frame-Options': 'DENY' };
}

export const API_HEADERS: Record<string, string> = { ...BASE_HEADERS, 'Cache-Control': 'no-store' };

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer = '',
): void {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...BASE_HEADERS, ...headers, 'Content-Length': String(payload.length) });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(
    res,
    status,
    { ...API_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
    JSON.stringify(value),
  );
}

export function sendEnvelopeError(
  res: ServerResponse,
  status: number,
  kind: AppErrorKind,
  message: string,
): void {
  const envelope: IpcResult<never> = { ok: false, error: { kind, message } };
  sendJson(res, status, envelope);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, text);
}

const OPEN_PRINTED_URL = 'Open the URL printed by npm run web.';
/** What the sign-in page says first: why this browser is not in, when we know. */
const SIGN_IN_REASONS: Record<SignInRefusal | 'no-session', string> = {
  'no-session': OPEN_PRINTED_URL,
  unknown: OPEN_PRINTED_URL,
  used: 'This sign-in link was already used: each URL printed by npm run web signs in one browser, once.',
  replaced: 'This sign-in link was replaced by a newer one printed by npm run web.',
};

/**
 * Shown when someone opens the host without a session or with a sign-in URL
 * that no longer works. Every printed URL is spent once opened, so the page
 * always says how to get a new one.
 */
export function sendSignInHint(
  res: ServerResponse,
  status: number,
  pageHeaders: Record<string, string>,
  reason: SignInRefusal | 'no-session' = 'no-session',
): void {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Agency Billing Companion</title></head>
<body>
<main>
<h1>Agency Billing Companion</h1>
<p>${SIGN_IN_REASONS[reason]}</p>
<p>For a new sign-in URL, press Enter in the terminal running npm run web (or restart it).</p>
</main>
</body>
</html>
`;
  send(
    res,
    status,
    { ...pageHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    html,
  );
}
