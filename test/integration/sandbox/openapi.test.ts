import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { billingRoutes } from '../../../shared/api/routes';
import { OPENAPI_FILE, openApiPath, renderOpenApiDocument } from '../../../scripts/openapi';

describe('docs/openapi.json', () => {
  it('is up to date with shared/api/routes.ts (run `npm run openapi` if not)', async () => {
    const committed = fs.readFileSync(OPENAPI_FILE, 'utf8');
    expect(committed).toBe(await renderOpenApiDocument());
  });

  it('describes every route with its method, parameters and response schema', () => {
    const doc = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8')) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ name: string }> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(Object.keys(billingRoutes).length);
    for (const [name, route] of Object.entries(billingRoutes)) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation?.operationId, name).toBe(name);
    }
    const ledger = doc.paths['/v1/clients/{id}/ledger']?.get;
    expect(ledger?.parameters?.map((p) => p.name)).toEqual(['id', 'after_seq', 'limit']);
  });
});
