import { AppError } from '../../../shared/ipc/errors';
import { allowedServerLink, isWebAddress } from '../../../shared/security/server-links';

const TIMEOUT_MS = 15_000;
const MAX_HOSTED_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export interface HostedDocumentRules {
  /** Origins the billing service's links may point at (shared/security/server-links.ts). */
  allowedOrigins: readonly string[];
  fetch?: typeof fetch;
  maxBytes?: number;
}

function allowedUrl(raw: string, base: string | undefined, rules: HostedDocumentRules): URL {
  if (!isWebAddress(raw, base)) throw new AppError('validation', 'The invoice link is not a web address.');
  const url = allowedServerLink(raw, rules.allowedOrigins, base);
  if (!url)
    throw new AppError(
      'validation',
      `The invoice link points at ${new URL(raw, base).host}, not at the billing service, so it was not opened.`,
    );
  return url;
}

/** Reads at most `maxBytes`, stopping the download as soon as it grows past them. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('server', 'The invoice page is too large.');
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('server', 'The invoice page is too large.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Downloads a page the billing service hosts (an invoice) so it can be saved.
 * The link and every redirect must stay on the billing service's origin: a
 * server-supplied URL is never a way to make the app fetch elsewhere.
 */
export async function fetchHostedDocument(link: string, rules: HostedDocumentRules): Promise<string> {
  const fetchImpl = rules.fetch ?? fetch;
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let url = allowedUrl(link, undefined, rules);
  for (let hops = 0; ; hops++) {
    let response: Response;
    try {
      response = await fetchImpl(url, { signal, redirect: 'manual' });
    } catch (error) {
      throw new AppError(
        'offline',
        'The invoice could not be downloaded: the billing service is unreachable.',
        {
          cause: error,
        },
      );
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      if (hops >= MAX_REDIRECTS) throw new AppError('server', 'The invoice page redirects too many times.');
      url = allowedUrl(location, url.href, rules);
      continue;
    }
    if (!response.ok) {
      throw new AppError(
        response.status === 404 ? 'not_found' : 'server',
        `The invoice page answered ${response.status}.`,
      );
    }
    return readCapped(response, rules.maxBytes ?? MAX_HOSTED_DOCUMENT_BYTES);
  }
}
