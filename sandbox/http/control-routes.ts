/**
 * The sandbox-only control routes (/sandbox/*): usage submissions, the test clock,
 * the saved card, pack prices, the charge and email ledgers, reset, faults and the newer-server mode.
 * Served only when the sandbox runs with `controls: true`, behind the same bearer token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { Pack } from '../../shared/api/billing-api';
import { passesLuhn, normalizeCardNumber } from '../../shared/domain/test-cards';
import type { Billing } from '../billing/create-billing';
import type { SandboxDb } from '../store/open-store';
import type { Repositories } from '../store/repositories';
import { ApiError, invalidRequest, notFound } from './api-error';
import {
  ChargeList,
  ClockAdvanceBody,
  NewerServerBody,
  NewerServerResponse,
  ClockResponse,
  Outbox,
  PackPriceBody,
  ResetResponse,
  SavedCardBody,
  SavedCardResponse,
  UsageBody,
  UsageResponse,
} from './control-schemas';
import { recordNewerServerChanges } from '../billing/newer-server-changes';
import { FaultsBody, FaultsState, type Faults } from './faults';
import type { NewerServer } from './newer-server-responses';
import { readJsonBody } from './request-guards';
import { sendJson } from './responses';
import { decodeParam, describeIssues } from './router';

export interface ControlContext {
  db: SandboxDb;
  repositories: Repositories;
  billing: Billing;
  faults: Faults;
  newerServer: NewerServer;
  /** Empties and reseeds the store. */
  reset(): void;
  /** Refuses connections for `ms` once the current response is out. */
  refuseConnections(ms: number): void;
}

interface ControlRoute<B extends z.ZodType | undefined = z.ZodType | undefined> {
  body?: B;
  response: z.ZodType;
  run(
    ctx: ControlContext,
    body: B extends z.ZodType ? z.output<B> : undefined,
    res: ServerResponse,
    params: Record<string, string>,
  ): unknown;
}

const route = <B extends z.ZodType | undefined>(spec: ControlRoute<B>): ControlRoute => spec as ControlRoute;

const DEFAULT_EXPIRY = { month: 12, year: 2030 };

const controlRoutes: Record<string, ControlRoute> = {
  'POST /sandbox/usage': route({
    body: UsageBody,
    response: UsageResponse,
    run: (ctx, body) => ctx.billing.usage.submit(body),
  }),
  'GET /sandbox/clock': route({
    response: ClockResponse,
    run: (ctx) => ({ now: ctx.billing.clock.now().toISOString(), resets: [] }),
  }),
  'POST /sandbox/clock/advance': route({
    body: ClockAdvanceBody,
    response: ClockResponse,
    run: (ctx, body) => ctx.billing.cycles.advance(body.to, body.client_id ?? null),
  }),
  'PUT /sandbox/card': route({
    body: SavedCardBody,
    response: SavedCardResponse,
    run: (ctx, body) => {
      if (!passesLuhn(normalizeCardNumber(body.number))) {
        throw invalidRequest('number: not a valid card number (Luhn check failed)', 'invalid_card_number');
      }
      ctx.repositories.agency.setCard(
        body.number,
        body.exp_month ?? DEFAULT_EXPIRY.month,
        body.exp_year ?? DEFAULT_EXPIRY.year,
      );
      return { card: ctx.repositories.agency.get().card };
    },
  }),
  'PUT /sandbox/packs/:id/price': route({
    body: PackPriceBody,
    response: Pack,
    run: (ctx, body, _res, params) => {
      const id = params.id ?? '';
      const pack = ctx.repositories.catalog.getPack(id);
      if (!pack) throw notFound(`No pack with id "${id}"`);
      ctx.repositories.catalog.setPackPrice(id, {
        amount: body.amount,
        currency: body.currency ?? pack.price.currency,
      });
      return ctx.repositories.catalog.getPack(id);
    },
  }),
  'POST /sandbox/newer-server': route({
    body: NewerServerBody,
    response: NewerServerResponse,
    run: (ctx, body) => {
      const { books, clock } = ctx.billing;
      const changes = recordNewerServerChanges(ctx.repositories, books, clock, body.client_id);
      ctx.newerServer.enable(body.client_id);
      return {
        client_ids: ctx.newerServer.clientIds(),
        transfer: changes.transfer,
        invoice_id: changes.invoiceId,
      };
    },
  }),
  'GET /sandbox/charges': route({
    response: ChargeList,
    run: (ctx) => ({ data: ctx.repositories.charges.list() }),
  }),
  'GET /sandbox/outbox': route({
    response: Outbox,
    run: (ctx) => ({ data: ctx.repositories.outbox.list() }),
  }),
  'POST /sandbox/reset': route({
    response: ResetResponse,
    run: (ctx) => {
      ctx.reset();
      ctx.faults.clear();
      ctx.newerServer.clear();
      return { reset: true, now: ctx.billing.clock.now().toISOString() };
    },
  }),
  'GET /sandbox/faults': route({ response: FaultsState, run: (ctx) => ctx.faults.describe() }),
  'POST /sandbox/faults': route({
    body: FaultsBody,
    response: FaultsState,
    run: (ctx, body, res) => {
      ctx.faults.apply(body);
      const seconds = body.refuse_connections_seconds;
      if (seconds !== undefined) res.once('finish', () => ctx.refuseConnections(seconds * 1000));
      return { ...ctx.faults.describe(), refusing_connections: seconds !== undefined };
    },
  }),
};

/** The path parameters when `request` ("PUT /sandbox/packs/pack_5k/price") fits `pattern`, else null. */
function matchControlRoute(pattern: string, request: string): Record<string, string> | null {
  const wanted = pattern.split('/');
  const given = request.split('/');
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of wanted.entries()) {
    const actual = given[i] ?? '';
    if (segment.startsWith(':') && actual !== '') params[segment.slice(1)] = decodeParam(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

function findControlRoute(key: string): { spec: ControlRoute; params: Record<string, string> } {
  for (const [pattern, spec] of Object.entries(controlRoutes)) {
    const params = matchControlRoute(pattern, key);
    if (params) return { spec, params };
  }
  throw new ApiError(404, 'not_found', `No sandbox control route ${key}`, { code: 'unknown_route' });
}

export function createControlDispatch(ctx: ControlContext) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const key = `${req.method ?? ''} ${url.pathname}`;
    const { spec, params } = findControlRoute(key);
    let body: unknown;
    if (spec.body) {
      const parsed = spec.body.safeParse(await readJsonBody(req));
      if (!parsed.success) throw invalidRequest(`Invalid body: ${describeIssues(parsed.error)}`);
      body = parsed.data;
    }
    const run = () => spec.run(ctx, body as never, res, params);
    const result = req.method === 'GET' ? run() : ctx.db.transaction(run).immediate();
    const checked = spec.response.safeParse(result);
    if (!checked.success)
      throw new Error(`Response of ${key} breaks its schema: ${describeIssues(checked.error)}`);
    sendJson(res, 200, checked.data);
  };
}
