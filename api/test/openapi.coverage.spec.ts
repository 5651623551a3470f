import request from 'supertest';
import { buildOpenApiDocument } from '@mcp-registry/data-provider';
import type { HttpMethod } from '@mcp-registry/data-provider';
import { listMountedRoutes, toOpenApiPath } from '../server/routeInventory';
import { appWithoutDatabase } from './support/appWithoutDatabase';

describe('the OpenAPI document', () => {
  const app = appWithoutDatabase();
  const doc = buildOpenApiDocument();
  const mounted = listMountedRoutes(app).map((r) => `${r.method} ${toOpenApiPath(r.path)}`);
  const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
    (Object.keys(item) as HttpMethod[]).map((method) => `${method.toUpperCase()} ${path}`),
  );

  it('describes every mounted route', () => {
    expect(mounted.length).toBeGreaterThan(10);
    expect(mounted.filter((r) => !documented.includes(r))).toEqual([]);
  });

  it('describes no route that is not mounted', () => {
    expect(documented.filter((r) => !mounted.includes(r))).toEqual([]);
  });

  it('is served at /api/openapi.json as OpenAPI 3.1', async () => {
    const res = await request(app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(Object.keys(doc.paths));
  });

  it('names a permission for every authenticated operation', () => {
    const missing = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security.some((s) => 'bearerAuth' in s) && !op['x-permission'] && path !== '/api/user')
        .map(([method]) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the start-up assertion', () => {
  it('every mounted route carries a permission decision', () => {
    expect(listMountedRoutes(appWithoutDatabase()).filter((r) => !r.guarded)).toEqual([]);
  });
});
