/**
 * Faults a test can switch on through POST /sandbox/faults, so the app's retry
 * and recovery paths can be proven against a backend that misbehaves on cue.
 */
import { z } from 'zod';
import type { ApiErrorBody } from '../../shared/api/billing-api';
import { billingRoutes, type BillingRouteName } from '../../shared/api/routes';
import { ApiError } from './api-error';
import { Id } from '../../shared/api/primitives';

const RouteName = z.enum(Object.keys(billingRoutes) as [BillingRouteName, ...BillingRouteName[]]);
const Count = z.int().min(1).max(1000);
const NextRequests = z.strictObject({ route: RouteName, count: Count });

/** 204, 205 and 304 cannot carry the body the answer consists of. */
const BODYLESS_STATUSES: readonly number[] = [204, 205, 304];

const AnswerNext = z.strictObject({
  route: RouteName,
  count: Count,
  status: z
    .int()
    .min(200)
    .max(599)
    .refine((status) => !BODYLESS_STATUSES.includes(status), 'must be a status that carries a body'),
  /** Any JSON, deliberately not checked against the route's schema, so tests can send what the app cannot parse. */
  body: z.json().optional(),
  /** true: do the request and commit it first (the answer hides the real result); false: do nothing. */
  run: z.boolean(),
  /** Only requests for this client (the `:id` of /v1/clients/:id/…) are answered and counted. */
  client_id: Id.optional(),
});

export const FaultsBody = z.strictObject({
  /** Added before every Billing API response. */
  latency_ms: z.int().min(0).max(60_000).optional(),
  /** Answer HTTP 500 to the next `count` requests to `route`, before doing anything. */
  fail_next: NextRequests.optional(),
  /** Do the next `count` requests to `route`, commit, then reset the connection instead of answering. */
  drop_next: NextRequests.optional(),
  /** Answer the next `count` requests to `route` with `status` and `body` (default: an error body). */
  answer_next: AnswerNext.optional(),
  /** Stop accepting connections (ECONNREFUSED) for this long, dropping open ones. */
  refuse_connections_seconds: z.number().positive().max(60).optional(),
  /** Switch every fault off first. */
  clear: z.boolean().optional(),
});
export type FaultsBody = z.infer<typeof FaultsBody>;

const PendingAnswer = z.object({
  count: z.int(),
  status: z.int(),
  body: z.unknown(),
  run: z.boolean(),
  client_id: z.string().nullable(),
});
type PendingAnswer = z.infer<typeof PendingAnswer>;

export const FaultsState = z.object({
  latency_ms: z.int(),
  fail_next: z.record(z.string(), z.int()),
  drop_next: z.record(z.string(), z.int()),
  answer_next: z.record(z.string(), PendingAnswer),
  refusing_connections: z.boolean(),
});
export type FaultsState = z.infer<typeof FaultsState>;

export interface InjectedAnswer {
  status: number;
  body: unknown;
}

function errorTypeFor(status: number): ApiErrorBody['error']['type'] {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'invalid_request';
}

function defaultAnswerBody(status: number): ApiErrorBody {
  return new ApiError(
    status,
    errorTypeFor(status),
    `Injected fault: the billing API answered HTTP ${status}`,
    {
      code: 'injected_fault',
    },
  ).toBody();
}

export function createFaults() {
  let latencyMs = 0;
  let refusing = false;
  const failNext = new Map<BillingRouteName, number>();
  const dropNext = new Map<BillingRouteName, number>();
  const answerNext = new Map<BillingRouteName, PendingAnswer>();

  const take = (counts: Map<BillingRouteName, number>, route: BillingRouteName): boolean => {
    const left = counts.get(route) ?? 0;
    if (left <= 0) return false;
    if (left === 1) counts.delete(route);
    else counts.set(route, left - 1);
    return true;
  };

  const clear = (): void => {
    latencyMs = 0;
    failNext.clear();
    dropNext.clear();
    answerNext.clear();
  };

  return {
    clear,
    latencyMs: () => latencyMs,
    takeFailure: (route: BillingRouteName) => take(failNext, route),
    takeDrop: (route: BillingRouteName) => take(dropNext, route),
    /** The injected answer for this request, if one is pending for the route (and client) with this `run`. */
    takeAnswer(route: BillingRouteName, run: boolean, clientId: string | null): InjectedAnswer | null {
      const pending = answerNext.get(route);
      if (!pending || pending.run !== run) return null;
      if (pending.client_id !== null && pending.client_id !== clientId) return null;
      if (pending.count === 1) answerNext.delete(route);
      else answerNext.set(route, { ...pending, count: pending.count - 1 });
      return { status: pending.status, body: pending.body };
    },
    setRefusing(value: boolean): void {
      refusing = value;
    },

    apply(body: FaultsBody): void {
      if (body.clear) clear();
      if (body.latency_ms !== undefined) latencyMs = body.latency_ms;
      if (body.fail_next) failNext.set(body.fail_next.route, body.fail_next.count);
      if (body.drop_next) dropNext.set(body.drop_next.route, body.drop_next.count);
      if (body.answer_next) {
        const { route, count, status, body: answer, run, client_id: clientId } = body.answer_next;
        answerNext.set(route, {
          count,
          status,
          body: answer === undefined ? defaultAnswerBody(status) : answer,
          run,
          client_id: clientId ?? null,
        });
      }
    },

    describe(): FaultsState {
      return {
        latency_ms: latencyMs,
        fail_next: Object.fromEntries(failNext),
        drop_next: Object.fromEntries(dropNext),
        answer_next: Object.fromEntries(answerNext),
        refusing_connections: refusing,
      };
    },
  };
}

export type Faults = ReturnType<typeof createFaults>;
