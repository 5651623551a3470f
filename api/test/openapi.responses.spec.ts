import request from 'supertest';
import { Types } from 'mongoose';
import type { OpenApiDocument } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { bearerFor, makeServer, share } from './support/mcpServers';
import { createResponseChecker } from './support/responseSchemas';
import type { ObservedResponse } from './support/responseSchemas';

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let plain: TestUser;
let doc: OpenApiDocument;
let problemsOf: ReturnType<typeof createResponseChecker>;

beforeAll(async () => {
  ctx = await createTestContext('openapi-responses');
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  plain = await ctx.makeUser(org);
  doc = (await request(ctx.app).get('/api/openapi.json')).body as OpenApiDocument;
  problemsOf = createResponseChecker(doc);
});
afterAll(() => ctx.close());

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Case {
  expected: number;
  method: Method;
  /** The OpenAPI path template the request is an instance of. */
  template: string;
  url: string;
  as?: TestUser;
  body?: unknown;
  /** Sent as is with `Content-Type: application/json`. */
  raw?: string;
}

async function send(c: Case): Promise<ObservedResponse> {
  let req = request(ctx.app)[c.method](c.url);
  if (c.as) req = req.set('Authorization', bearerFor(ctx, c.as));
  if (c.raw !== undefined) req = req.set('Content-Type', 'application/json').send(c.raw);
  else if (c.body !== undefined) req = req.send(c.body as object);
  const res = await req;
  return { method: c.method.toUpperCase(), path: c.template, status: res.status, body: res.text ? (JSON.parse(res.text) as unknown) : null };
}

const unknownId = () => new Types.ObjectId().toHexString();
const BIG = 'x'.repeat(1_100_000);

describe('every error response is the ErrorResponse the document declares for its status', () => {
  let cases: Case[];

  beforeAll(async () => {
    const server = await makeServer(ctx, admin, { title: 'Sweep Server' });
    await share(ctx, admin, server.id, { updated: [{ type: 'user', id: plain.id, accessRoleId: 'mcpServer_viewer' }] });
    const installed = await request(ctx.app).post('/api/mcp_server').set('Authorization', bearerFor(ctx, admin)).send({ catalogId: server.id, userId: plain.id });
    const installationId = String((installed.body as { id: string }).id);
    cases = [
      { expected: 400, method: 'get', template: '/api/mcp_server/{id}', url: '/api/mcp_server/not-an-id', as: admin },
      { expected: 400, method: 'post', template: '/api/users', url: '/api/users', as: admin, body: { email: 'x@example.test', password: 'long-enough', colour: 'red' } },
      { expected: 400, method: 'post', template: '/api/users', url: '/api/users', as: admin, raw: '{"email": ' },
      { expected: 400, method: 'post', template: '/api/mcp/servers', url: '/api/mcp/servers', as: admin, body: { title: 'Loopback', config: { type: 'streamable-http', url: 'http://127.0.0.1/mcp' } } },
      { expected: 400, method: 'patch', template: '/api/mcp_server/{id}', url: `/api/mcp_server/${installationId}`, as: admin, body: { scope: 'org' } },
      { expected: 400, method: 'delete', template: '/api/mcp/servers/{serverName}', url: `/api/mcp/servers/${server.serverName}?force=maybe`, as: admin },
      { expected: 400, method: 'get', template: '/health', url: '/health', raw: '{not json' },
      { expected: 401, method: 'get', template: '/api/users', url: '/api/users' },
      { expected: 401, method: 'post', template: '/api/auth/login', url: '/api/auth/login', body: { email: admin.email, password: 'wrong-password' } },
      { expected: 401, method: 'post', template: '/api/auth/refresh', url: '/api/auth/refresh' },
      { expected: 403, method: 'post', template: '/api/users', url: '/api/users', as: plain, body: { email: 'y@example.test', password: 'long-enough' } },
      { expected: 403, method: 'patch', template: '/api/mcp_server/{id}', url: `/api/mcp_server/${installationId}`, as: plain, body: { status: 'active' } },
      { expected: 404, method: 'get', template: '/api/mcp_server/{id}', url: `/api/mcp_server/${unknownId()}`, as: admin },
      { expected: 404, method: 'get', template: '/api/mcp/servers/by-id/{serverId}', url: `/api/mcp/servers/by-id/${unknownId()}`, as: admin },
      { expected: 404, method: 'delete', template: '/api/users/{id}', url: `/api/users/${unknownId()}`, as: admin },
      { expected: 409, method: 'post', template: '/api/users', url: '/api/users', as: admin, body: { email: plain.email, password: 'long-enough' } },
      { expected: 409, method: 'delete', template: '/api/mcp/servers/{serverName}', url: `/api/mcp/servers/${server.serverName}?force=0`, as: admin },
      { expected: 413, method: 'post', template: '/api/users', url: '/api/users', as: admin, body: { email: 'z@example.test', password: BIG } },
      { expected: 413, method: 'patch', template: '/api/mcp_server/{id}', url: `/api/mcp_server/${installationId}`, as: admin, body: { customUserVars: { API_KEY: BIG } } },
      { expected: 413, method: 'post', template: '/api/auth/login', url: '/api/auth/login', body: { email: admin.email, password: BIG } },
    ];
  });

  it('answers each case with the expected status', async () => {
    const observed = await Promise.all(cases.map(send));
    expect(observed.map((o) => `${o.method} ${o.path} ${o.status}`)).toEqual(cases.map((c) => `${c.method.toUpperCase()} ${c.template} ${c.expected}`));
  });

  it('every answer validates against the schema the document declares for that status', async () => {
    const observed = await Promise.all(cases.map(send));
    expect(observed.flatMap(problemsOf)).toEqual([]);
  });
});

describe('every read answers as the document declares', () => {
  it('the lists, the caller, an API key, health, readiness and the document itself', async () => {
    const key = await request(ctx.app).post('/api/keys').set('Authorization', bearerFor(ctx, admin)).send({ name: 'sweep' });
    const reads: Case[] = [
      ...['/api/users', '/api/groups', '/api/roles', '/api/keys', '/api/admin/audit', '/api/mcp/servers', '/api/mcp_server', '/api/user'].map(
        (url): Case => ({ expected: 200, method: 'get', template: url, url, as: admin }),
      ),
      { expected: 200, method: 'get', template: '/api/roles/{name}', url: '/api/roles/USER', as: admin },
      { expected: 200, method: 'get', template: '/health', url: '/health' },
      { expected: 200, method: 'get', template: '/ready', url: '/ready' },
      { expected: 200, method: 'get', template: '/api/openapi.json', url: '/api/openapi.json' },
    ];
    const observed = [{ method: 'POST', path: '/api/keys', status: key.status, body: key.body as unknown }, ...(await Promise.all(reads.map(send)))];

    expect(observed.map((o) => o.status)).toEqual([201, ...reads.map((c) => c.expected)]);
    expect(observed.flatMap(problemsOf)).toEqual([]);
  });
});

describe('the response checker itself', () => {
  const installation = async () => {
    const server = await makeServer(ctx, admin, { title: `Checked ${unknownId()}` });
    const res = await request(ctx.app).post('/api/mcp_server').set('Authorization', bearerFor(ctx, admin)).send({ catalogId: server.id });
    return res.body as Record<string, unknown>;
  };

  it('refuses an undocumented field, a missing field, a wrong type and an undeclared status', async () => {
    const body = await installation();
    const as = (b: unknown, status = 201): ObservedResponse => ({ method: 'POST', path: '/api/mcp_server', status, body: b });
    const { status: _status, ...missing } = body;

    expect(problemsOf(as(body))).toEqual([]);
    expect(problemsOf(as({ ...body, secret: 'x' })).join()).toMatch(/unevaluated/);
    expect(problemsOf(as(missing)).join()).toMatch(/status/);
    expect(problemsOf(as({ ...body, users: 'nobody' })).join()).toMatch(/users/);
    expect(problemsOf(as(body, 418))).toEqual(['POST /api/mcp_server 418: status not declared']);
    expect(problemsOf({ method: 'POST', path: '/api/mcp_server', status: 400, body: { error: { code: 'TEAPOT', message: 'x', requestId: 'r' } } }).join()).toMatch(/code/);
  });
});
