import type { z } from 'zod';
import { ApiErrorBody } from '../../../shared/api/billing-api';
import type { RouteSpec } from '../../../shared/api/routes';
import {
  BillingApiError,
  isTransientStatus,
  kindForStatus,
  RequestCancelledError,
} from './billing-api-error';

export interface HttpClientOptions {
  baseUrl: string;
  token: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts for GET requests after a transient failure. */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter. */
  retryBaseDelayMs?: number;
  fetch?: typeof fetch;
  /** Told of every request that could not reach the service at all, so the app can say it is offline at once. */
  onUnreachable?: (error: BillingApiError) => void;
}

export interface RequestOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 2;
const DEFAULT_RETRY_BASE_DELAY_MS = 250;
const MAX_RETRY_DELAY_MS = 5_000;

export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid shape';
  const where = first.path.length > 0 ? first.path.join('.') : 'body';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return `${where}: ${first.message}${more}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RequestCancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RequestCancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Talks HTTP to the billing API for one route table entry at a time: bearer
 * auth, a timeout per attempt, retries with backoff for idempotent reads only,
 * and every response validated against the route's schema before anyone sees it.
 */
export class HttpClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseDelayMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly onUnreachable: ((error: BillingApiError) => void) | undefined;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = options.retries ?? DEFAULT_RETRIES;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
    this.fetchImpl = options.fetch ?? fetch;
    this.onUnreachable = options.onUnreachable;
  }

  async request<R extends RouteSpec>(
    route: R,
    options: RequestOptions = {},
  ): Promise<z.output<R['response']>> {
    const url = this.buildUrl(route.path, options);
    const label = `${route.method} ${route.path}`;
    const attempts = route.method === 'GET' ? this.retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const body = await this.attempt(route, url, label, options);
        const parsed = route.response.safeParse(body);
        if (!parsed.success) {
          throw new BillingApiError(
            'validation',
            `The billing API sent an unexpected response to ${label} (${describeIssues(parsed.error)}).`,
          );
        }
        return parsed.data as z.output<R['response']>;
      } catch (error) {
        const retryable = error instanceof BillingApiError && error.transient && attempt < attempts;
        if (!retryable) {
          // Only a request that failed for good says the service is out of reach: a pooled socket
          // the server closed fails once and then works.
          if (error instanceof BillingApiError && error.kind === 'offline') this.onUnreachable?.(error);
          throw error;
        }
        const backoff = Math.min(MAX_RETRY_DELAY_MS, this.retryBaseDelayMs * 2 ** (attempt - 1));
        await sleep(backoff / 2 + Math.random() * (backoff / 2), options.signal);
      }
    }
  }

  private buildUrl(path: string, options: RequestOptions): URL {
    const resolved = path.replace(/:([A-Za-z_]+)/g, (_, name: string) => {
      const value = options.params?.[name];
      if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
      return encodeURIComponent(value);
    });
    const url = new URL(this.baseUrl + resolved);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async attempt(
    route: RouteSpec,
    url: URL,
    label: string,
    options: RequestOptions,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const headers: Record<string, string> = {
      ...options.headers,
      authorization: `Bearer ${this.token}`,
      accept: 'application/json',
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: route.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw new RequestCancelledError();
      throw timeout.aborted
        ? new BillingApiError(
            'offline',
            `The billing service at ${url.host} did not answer within ${Math.round(this.timeoutMs / 1000)} s.`,
            { transient: true, cause: error },
          )
        : new BillingApiError('offline', `Can't reach the billing service at ${url.host}.`, {
            transient: true,
            cause: error,
          });
    }

    if (!response.ok) throw this.errorFor(response.status, text, label);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new BillingApiError(
        'validation',
        `The billing API sent an unexpected response to ${label} (not JSON).`,
        { status: response.status, cause: error },
      );
    }
  }

  private errorFor(status: number, text: string, label: string): BillingApiError {
    let body: ApiErrorBody['error'] | null = null;
    try {
      const parsed = ApiErrorBody.safeParse(JSON.parse(text));
      if (parsed.success) body = parsed.data.error;
    } catch {
      // A non-JSON error body still has a status worth reporting.
    }
    const detail = body?.message ?? null;
    const kind = kindForStatus(status);
    const message =
      kind === 'unauthorized'
        ? `The billing service did not accept the API token${detail ? `: ${detail}` : '.'}`
        : `The billing service answered ${label} with HTTP ${status}${detail ? `: ${detail}` : '.'}`;
    return new BillingApiError(kind, message, {
      status,
      transient: isTransientStatus(status),
      code: body?.code ?? null,
      currentPrice: body?.current_price ?? null,
    });
  }
}
