import { AppError } from '../../../shared/ipc/errors';

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Downloads a page the billing service hosts (an invoice) so it can be saved.
 * Only http(s) URLs that came from the billing API reach here.
 */
export async function fetchHostedDocument(url: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (!/^https?:\/\//i.test(url)) throw new AppError('validation', 'The invoice link is not a web address.');
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new AppError(
      'offline',
      'The invoice could not be downloaded: the billing service is unreachable.',
      {
        cause: error,
      },
    );
  }
  if (!response.ok) {
    throw new AppError(
      response.status === 404 ? 'not_found' : 'server',
      `The invoice page answered ${response.status}.`,
    );
  }
  const body = await response.text();
  if (Buffer.byteLength(body, 'utf8') > MAX_BYTES)
    throw new AppError('server', 'The invoice page is too large.');
  return body;
}
