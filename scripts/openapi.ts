/**
 * `npm run openapi`: writes docs/openapi.json (OpenAPI 3.1) from the Billing API
 * route table, so the published description can never drift from the schemas
 * the app and the sandbox actually use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { z } from 'zod';
import { API_VERSION, ApiErrorBody } from '../shared/api/billing-api';
import { billingRoutes, type BillingRouteName, type RouteSpec } from '../shared/api/routes';

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'throw',
  }) as JsonSchema;
  return rest;
}

/** `/v1/clients/:id` → `/v1/clients/{id}` */
export function openApiPath(routePath: string): string {
  return routePath.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function pathParameters(routePath: string) {
  return [...routePath.matchAll(/:([A-Za-z_]\w*)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 128 },
  }));
}

function queryParameters(spec: RouteSpec) {
  if (!spec.query) return [];
  const schema = jsonSchema(spec.query, 'input');
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
});

function idempotencyParameters(spec: RouteSpec) {
  if (!spec.idempotency) return [];
  return [
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: spec.idempotency === 'required',
      description:
        'Stripe semantics, scoped to the agency: a retry with the same key and body returns the first result ' +
        '(header Idempotent-Replayed: true) and never charges twice; the same key with another body is a 409. ' +
        'Keys expire 24 hours after first use: an older key is a new request (and charges again), so look an ' +
        'unanswered request up with GET /v1/top-ups?idempotency_key= instead of replaying it.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    },
  ];
}

function operation(name: BillingRouteName, spec: RouteSpec) {
  const parameters = [...pathParameters(spec.path), ...queryParameters(spec), ...idempotencyParameters(spec)];
  return {
    operationId: name,
    summary: spec.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } },
          },
        }
      : {}),
    responses: {
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } },
      },
      '400': errorResponse('The request is invalid; nothing was changed'),
      '401': errorResponse('Missing or wrong API token'),
      ...(spec.path.includes(':') ? { '404': errorResponse('No such resource') } : {}),
      ...(spec.idempotency
        ? {
            '409': errorResponse(
              'The Idempotency-Key was used with a different request, or the state forbids it; on top-ups, ' +
                '`price_changed` (with `current_price`) when the confirmed amount is not the current price',
            ),
          }
        : {}),
    },
  };
}

export function buildOpenApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(billingRoutes) as BillingRouteName[]) {
    const spec: RouteSpec = billingRoutes[name];
    const key = openApiPath(spec.path);
    paths[key] = { ...paths[key], [spec.method.toLowerCase()]: operation(name, spec) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Billing API',
      version: API_VERSION,
      description:
        'The vendor billing API the Agency Billing Companion talks to. Money is integer minor units with an ' +
        'ISO 4217 currency; tokens are integers; list endpoints return { data, next_cursor }.',
    },
    servers: [{ url: 'http://127.0.0.1:4100', description: 'Local billing sandbox (npm run sandbox)' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { ApiErrorBody: jsonSchema(ApiErrorBody, 'output') },
    },
  };
}

/** The document as committed: JSON formatted the way the project's Prettier config formats it. */
export async function renderOpenApiDocument(): Promise<string> {
  const config = (await prettier.resolveConfig(OPENAPI_FILE)) ?? {};
  return prettier.format(JSON.stringify(buildOpenApiDocument()), { ...config, parser: 'json' });
}

async function main(): Promise<void> {
  fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
  fs.writeFileSync(OPENAPI_FILE, await renderOpenApiDocument());
  console.log(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
