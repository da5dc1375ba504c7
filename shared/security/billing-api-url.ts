/**
 * Where the app may send the API token: https anywhere, plain http only to a
 * server on this computer (the embedded sandbox, a local proxy), so the token
 * never crosses a network in clear text.
 */
import { z } from 'zod';

export const CLEAR_TEXT_API_URL =
  'The Billing API URL must start with https://. Plain http:// is only allowed for a server on this computer ' +
  '(localhost, 127.0.0.1 or [::1]), so the API token never crosses a network unencrypted.';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((octet) => /^\d{1,3}$/.test(octet));
}

/** Null when the token may be sent to this URL, else the sentence that says why not. */
export function clearTextProblem(url: URL): string | null {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname) ? CLEAR_TEXT_API_URL : null;
}

/** zod runs the refinement even when the URL check failed: a value that is no URL is left to that check. */
export const BillingApiUrl = z
  .url({ protocol: /^https?$/ })
  .refine((value) => !URL.canParse(value) || clearTextProblem(new URL(value)) === null, CLEAR_TEXT_API_URL);
