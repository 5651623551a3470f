import { execFileSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { ErrorCode } from '@mcp-registry/data-provider';
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiParameter } from '@mcp-registry/data-provider';
import { appWithoutDatabase } from './support/appWithoutDatabase';

interface LintProblem {
  severity: 'error' | 'warn';
  rule: string;
  message: string;
  at: string;
}

const PUBLIC_URL = 'https://mcp-registry.internal';

async function servedDocument(publicUrl?: string): Promise<OpenApiDocument> {
  const app = appWithoutDatabase(publicUrl ? { server: { publicUrl } } : {});
  const res = await request(app).get('/api/openapi.json');
  expect(res.status).toBe(200);
  return res.body as OpenApiDocument;
}

function lint(doc: OpenApiDocument): LintProblem[] {
  const script = path.join(__dirname, 'support', 'lintOpenApi.mjs');
  return JSON.parse(execFileSync(process.execPath, [script], { input: JSON.stringify(doc), encoding: 'utf8' })) as LintProblem[];
}

function operationsOf(doc: OpenApiDocument): Array<{ name: string; op: OpenApiOperation }> {
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${p}`, op })));
}

/** Every schema reachable from `schema`, following `$ref`s into components once each. */
function reachableSchemas(doc: OpenApiDocument, schema: unknown, seen = new Set<unknown>()): JsonSchema[] {
  if (typeof schema !== 'object' || schema === null || seen.has(schema)) return [];
  seen.add(schema);
  const node = schema as JsonSchema;
  const target = typeof node.$ref === 'string' ? doc.components.schemas[node.$ref.replace('#/components/schemas/', '')] : undefined;
  const children = Object.values(node).flatMap((v) => (Array.isArray(v) ? v : [v]));
  return [node, ...reachableSchemas(doc, target, seen), ...children.flatMap((c) => reachableSchemas(doc, c, seen))];
}

describe('the served OpenAPI document', () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    doc = await servedDocument(PUBLIC_URL);
  });

  it('passes Redocly’s recommended rules with no error and no warning', () => {
    expect(lint(doc)).toEqual([]);
  });

  it('lists `/` and the configured public URL as servers, and `/` alone without one', async () => {
    expect(doc.servers.map((s) => s.url)).toEqual(['/', PUBLIC_URL]);
    expect((await servedDocument()).servers.map((s) => s.url)).toEqual(['/']);
  });

  it('gives every operation a unique camelCase operationId and a declared tag', () => {
    const ids = operationsOf(doc).map(({ op }) => op.operationId);
    const tags = new Set(doc.tags.map((t) => t.name));
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(operationsOf(doc).filter(({ op }) => !op.tags?.length || !op.tags.every((t) => tags.has(t))).map((o) => o.name)).toEqual([]);
  });

  it('answers every error status and `default` with the shared ErrorResponse (readiness’s 503 excepted)', () => {
    const offenders = operationsOf(doc).flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => status === 'default' || Number(status) >= 400)
        .filter(([status]) => !(name === 'GET /ready' && status === '503'))
        .filter(([, r]) => !('$ref' in r) || r.$ref !== '#/components/responses/ErrorResponse')
        .map(([status]) => `${name} ${status}`),
    );
    expect(offenders).toEqual([]);
    expect(operationsOf(doc).filter(({ op }) => !op.responses.default).map((o) => o.name)).toEqual([]);
  });

  it('documents 413 on every operation with a body and 401 on every authenticated one', () => {
    const ops = operationsOf(doc);
    expect(ops.filter(({ op }) => op.requestBody && !op.responses['413']).map((o) => o.name)).toEqual([]);
    const authenticated = ops.filter(({ op }) => op.security.length > 0 && op.security.every((s) => Object.keys(s).length > 0));
    expect(authenticated.filter(({ op }) => !op.responses['401']).map((o) => o.name)).toEqual([]);
  });

  it('accepts a bearer JWT or an API key on every operation guarded by the Authorization header', () => {
    const guarded = operationsOf(doc).filter(({ op }) => op.security.some((s) => 'bearerAuth' in s || 'apiKeyAuth' in s));
    expect(guarded.length).toBeGreaterThan(20);
    const incomplete = guarded.filter(({ op }) => !op.security.some((s) => 'bearerAuth' in s) || !op.security.some((s) => 'apiKeyAuth' in s));
    expect(incomplete.map((o) => o.name)).toEqual([]);
    expect(doc.components.securitySchemes.refreshCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
  });

  it('names the schema of every request and response body', () => {
    const inline = operationsOf(doc).flatMap(({ name, op }) => {
      const bodies = [op.requestBody, ...Object.values(op.responses)].flatMap((r) => (r && 'content' in r && r.content ? Object.values(r.content) : []));
      return bodies.filter((b) => typeof b.schema.$ref !== 'string').map(() => name);
    });
    expect(inline).toEqual([]);
  });

  it('puts no `default` on any input, so generated input types never require a field the server defaults', () => {
    const inputs = operationsOf(doc).flatMap(({ op }) => [
      ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
      ...(op.parameters ?? []).map((p) => p.schema),
    ]);
    const withDefault = inputs.flatMap((s) => reachableSchemas(doc, s)).filter((s) => 'default' in s);
    expect(withDefault).toEqual([]);
  });

  it('constrains every path parameter with an enum or a pattern', () => {
    const loose = operationsOf(doc).flatMap(({ name, op }) =>
      (op.parameters ?? []).filter((p: OpenApiParameter) => p.in === 'path' && !p.schema.enum && !p.schema.pattern).map((p) => `${name} {${p.name}}`),
    );
    expect(loose).toEqual([]);
  });

  it('lists exactly the stable error codes in ErrorEnvelope.code, and details as { field, location, message }', () => {
    const error = (doc.components.schemas.ErrorEnvelope as { properties: { error: { properties: Record<string, JsonSchema> } } }).properties.error;
    expect(error.properties.code?.enum).toEqual(Object.values(ErrorCode));
    expect(error.properties.details).toEqual({ type: 'array', items: { $ref: '#/components/schemas/ErrorDetail' } });
    expect(doc.components.schemas.ErrorDetail?.required).toEqual(['field', 'location', 'message']);
  });
});
