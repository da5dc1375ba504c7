import type { Money } from '../../../shared/api/primitives';
import { AppError, type AppErrorKind } from '../../../shared/ipc/errors';

/** A failed call to the billing API, already classified into the kinds the UI can explain. */
export class BillingApiError extends AppError {
  /** HTTP status, when the service answered at all. */
  readonly status: number | null;
  /** True for failures worth retrying (network, timeout, 5xx, 429). */
  readonly transient: boolean;
  /** The API's machine-readable error code (e.g. `price_changed`), when it sent one. */
  readonly code: string | null;
  /** With `price_changed`: what the pack costs now. */
  readonly currentPrice: Money | null;

  constructor(
    kind: AppErrorKind,
    message: string,
    details: {
      status?: number;
      transient?: boolean;
      cause?: unknown;
      code?: string | null;
      currentPrice?: Money | null;
    } = {},
  ) {
    super(kind, message, { cause: details.cause });
    this.name = 'BillingApiError';
    this.status = details.status ?? null;
    this.transient = details.transient ?? false;
    this.code = details.code ?? null;
    this.currentPrice = details.currentPrice ?? null;
  }
}

export function kindForStatus(status: number): AppErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  return 'server';
}

export function isTransientStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** The caller gave up (sync stopped, sign-out): not a failure of the billing service. */
export class RequestCancelledError extends Error {
  constructor() {
    super('The request was cancelled.');
    this.name = 'RequestCancelledError';
  }
}
