import type { ApiErrorBody } from '../../shared/api/billing-api';
import type { Money } from '../../shared/api/primitives';

type ApiErrorType = ApiErrorBody['error']['type'];

/** A failure the sandbox reports to the caller as a typed Billing API error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly code: string | undefined;
  readonly headers: Record<string, string>;
  readonly currentPrice: Money | undefined;

  constructor(
    status: number,
    type: ApiErrorType,
    message: string,
    options: { code?: string; headers?: Record<string, string>; currentPrice?: Money } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.code = options.code;
    this.headers = options.headers ?? {};
    this.currentPrice = options.currentPrice;
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code } : {}),
        ...(this.currentPrice ? { current_price: this.currentPrice } : {}),
      },
    };
  }
}

export function invalidRequest(message: string, code?: string): ApiError {
  return new ApiError(400, 'invalid_request', message, code ? { code } : {});
}

export function notFound(message: string): ApiError {
  return new ApiError(404, 'not_found', message);
}
