/**
 * Matches requests against the Billing API route table and parses their query and
 * body with the route's own schemas, so the sandbox accepts exactly what the
 * contract describes.
 */
import type { z } from 'zod';
import { billingRoutes, type BillingRouteName, type RouteSpec } from '../../shared/api/routes';
import { ApiError, invalidRequest } from './api-error';

type Routes = typeof billingRoutes;
type QueryOf<R> = R extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
type BodyOf<R> = R extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;

export interface RouteInput<R> {
  params: Record<string, string>;
  query: QueryOf<R>;
  body: BodyOf<R>;
  /** The request's Idempotency-Key on routes that take one, else null. */
  idempotencyKey: string | null;
}

export type RouteHandlers = {
  [K in BillingRouteName]: (input: RouteInput<Routes[K]>) => z.input<Routes[K]['response']>;
};

interface CompiledRoute {
  name: BillingRouteName;
  spec: RouteSpec;
  pattern: RegExp;
  paramNames: string[];
}

export interface RouteMatch {
  name: BillingRouteName;
  spec: RouteSpec;
  params: Record<string, string>;
}

function compile(name: BillingRouteName, spec: RouteSpec): CompiledRoute {
  const paramNames: string[] = [];
  const source = spec.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      paramNames.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { name, spec, pattern: new RegExp(`^${source}$`), paramNames };
}

const compiledRoutes: CompiledRoute[] = (Object.keys(billingRoutes) as BillingRouteName[]).map((name) =>
  compile(name, billingRoutes[name]),
);

export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalidRequest(`Path segment "${value}" is not valid URL encoding`);
  }
}

/** The route for a method and path; 404 when no path matches, 405 when only the method is wrong. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of compiledRoutes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    if (route.spec.method !== method) {
      allowed.push(route.spec.method);
      continue;
    }
    const params: Record<string, string> = {};
    route.paramNames.forEach((paramName, i) => {
      params[paramName] = decodeParam(found[i + 1] ?? '');
    });
    return { name: route.name, spec: route.spec, params };
  }
  if (allowed.length > 0) {
    throw new ApiError(405, 'invalid_request', `${method} is not allowed on ${pathname}`, {
      code: 'method_not_allowed',
      headers: { Allow: allowed.join(', ') },
    });
  }
  throw new ApiError(404, 'not_found', `No route ${method} ${pathname}`, { code: 'unknown_route' });
}

/** One line a developer can act on, e.g. `limit: Too big: expected number to be <=500`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export function parseQuery(spec: RouteSpec, searchParams: URLSearchParams): unknown {
  const raw: Record<string, string> = {};
  for (const [key, value] of searchParams) {
    if (key in raw) throw invalidRequest(`Query parameter "${key}" is given more than once`);
    raw[key] = value;
  }
  if (!spec.query) {
    const keys = Object.keys(raw);
    if (keys.length > 0)
      throw invalidRequest(`This route takes no query parameters (got ${keys.join(', ')})`);
    return undefined;
  }
  const parsed = spec.query.safeParse(raw);
  if (!parsed.success) throw invalidRequest(`Invalid query: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function parseBody(spec: RouteSpec, raw: unknown): unknown {
  if (!spec.body) return undefined;
  const parsed = spec.body.safeParse(raw);
  if (!parsed.success) throw invalidRequest(`Invalid body: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
