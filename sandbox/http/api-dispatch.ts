/**
 * One Billing API v1 request: route, faults, validation, then the handler inside a
 * SQLite transaction (with its idempotency record when the route takes a key), and
 * a check of the response against the route's schema before it leaves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxDb } from '../store/open-store';
import type { Repositories } from '../store/repositories';
import { ApiError, invalidRequest } from './api-error';
import type { Faults } from './faults';
import type { NewerServer } from './newer-server-responses';
import { IDEMPOTENCY_KEY_LIFETIME_MS, idempotencyKeyOf, keyReused, requestFingerprint } from './idempotency';
import { readJsonBody } from './request-guards';
import { sendJson } from './responses';
import {
  describeIssues,
  matchRoute,
  parseBody,
  parseQuery,
  type RouteHandlers,
  type RouteMatch,
} from './router';

export interface ApiDispatchOptions {
  db: SandboxDb;
  repositories: Repositories;
  handlers: RouteHandlers;
  faults: Faults;
  newerServer: NewerServer;
  now: () => Date;
}

interface Outcome {
  body: unknown;
  replayed: boolean;
}

interface ParsedRequest {
  query: unknown;
  body: unknown;
  idempotencyKey: string | null;
}

function runHandler(options: ApiDispatchOptions, match: RouteMatch, request: ParsedRequest): unknown {
  const handler = options.handlers[match.name] as (input: unknown) => unknown;
  const result = handler({ params: match.params, ...request });
  const checked = match.spec.response.safeParse(result);
  if (!checked.success) {
    throw new Error(`Response of ${match.name} breaks its schema: ${describeIssues(checked.error)}`);
  }
  return checked.data;
}

export function createApiDispatch(options: ApiDispatchOptions) {
  const { db, repositories: repos } = options;

  const execute = (req: IncomingMessage, match: RouteMatch, query: unknown, body: unknown): Outcome => {
    const key = match.spec.idempotency ? idempotencyKeyOf(req) : null;
    if (match.spec.idempotency === 'required' && key === null) {
      throw invalidRequest(
        'Send an Idempotency-Key header so a retry can never charge twice',
        'idempotency_key_required',
      );
    }
    const request: ParsedRequest = { query, body, idempotencyKey: key };
    if (req.method === 'GET') return { body: runHandler(options, match, request), replayed: false };
    const transaction = db.transaction((): Outcome => {
      const agencyId = repos.agency.get().agency.id;
      const fingerprint = requestFingerprint(
        req.method ?? '',
        new URL(req.url ?? '/', 'http://x').pathname,
        body,
      );
      if (key !== null) {
        const cutoff = new Date(options.now().getTime() - IDEMPOTENCY_KEY_LIFETIME_MS).toISOString();
        repos.idempotency.forgetIfExpired(agencyId, key, cutoff);
        const stored = repos.idempotency.get(agencyId, key);
        if (stored && stored.fingerprint !== fingerprint) throw keyReused();
        if (stored) return { body: stored.body, replayed: true };
      }
      const result = runHandler(options, match, request);
      if (key !== null) {
        repos.idempotency.insert(
          agencyId,
          key,
          { fingerprint, statusCode: 200, body: result },
          options.now().toISOString(),
        );
      }
      return { body: result, replayed: false };
    });
    return transaction.immediate();
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const match = matchRoute(req.method ?? '', url.pathname);
    if (options.faults.takeFailure(match.name)) {
      throw new ApiError(500, 'server_error', 'Injected fault: the billing API failed this request', {
        code: 'injected_fault',
      });
    }
    const clientId = match.params.id ?? null;
    const insteadOfRunning = options.faults.takeAnswer(match.name, false, clientId);
    if (insteadOfRunning) {
      sendJson(res, insteadOfRunning.status, insteadOfRunning.body);
      return;
    }
    const query = parseQuery(match.spec, url.searchParams);
    const body = match.spec.body ? parseBody(match.spec, await readJsonBody(req)) : undefined;
    const outcome = execute(req, match, query, body);
    const afterRunning = options.faults.takeAnswer(match.name, true, clientId);
    if (afterRunning) {
      // The work is committed; the caller only sees the injected answer.
      sendJson(res, afterRunning.status, afterRunning.body);
      return;
    }
    if (options.faults.takeDrop(match.name)) {
      // The work is committed; the caller only sees its connection reset.
      res.socket?.destroy();
      return;
    }
    const sent = options.newerServer.shape(match.name, outcome.body);
    sendJson(res, 200, sent, outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  };
}
