import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import type { Actor } from '@mcp-registry/api';
import { createLogger } from '@mcp-registry/data-schemas';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { errorHandler } from '../server/middleware/errorHandler';
import { requestContext } from '../server/middleware/requestContext';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('http-behaviour', { cors: { origins: ['https://app.example.test'] } });
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
});
afterAll(() => ctx.close());

const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${ctx.tokenFor(admin)}`);

describe('HTTP conventions', () => {
  it('answers an unknown route with a 404 envelope', async () => {
    const res = await request(ctx.app).get('/api/nothing-here');
    expect(expectError(res, 404, 'NOT_FOUND').message).toBe('No route for GET /api/nothing-here');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await request(ctx.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(expectError(res, 400, 'VALIDATION_FAILED').message).toBe('Malformed JSON body');
  });

  it('answers a JSON body over 1 MB with 413', async () => {
    const big = JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1024 * 1024 + 10) });
    const res = await request(ctx.app).post('/api/auth/login').set('Content-Type', 'application/json').send(big);
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a JSON body that is not an object with 400', async () => {
    const res = await asAdmin(request(ctx.app).post('/api/groups')).set('Content-Type', 'application/json').send('[1,2]');
    expectError(res, 400, 'VALIDATION_FAILED');
  });

  it('answers a malformed id with 400 naming the parameter', async () => {
    const res = await asAdmin(request(ctx.app).get('/api/users/not-an-id'));
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['id']);
  });

  it('answers unknown query parameters with 400', async () => {
    const res = await asAdmin(request(ctx.app).get('/api/users?limit=5&sort=email'));
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['sort']);
  });

  it('echoes a sane X-Request-Id and uses it in error bodies; replaces an unsafe one', async () => {
    const res = await request(ctx.app).get('/api/nope').set('X-Request-Id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body.error.requestId).toBe('trace-123');
    const unsafe = await request(ctx.app).get('/health').set('X-Request-Id', 'bad id\twith spaces');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets helmet security headers and no X-Powered-By', async () => {
    const res = await request(ctx.app).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows the configured CORS origin with credentials and no other', async () => {
    const ok = await request(ctx.app).options('/api/user').set('Origin', 'https://app.example.test').set('Access-Control-Request-Method', 'GET');
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example.test');
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    const other = await request(ctx.app).get('/health').set('Origin', 'https://evil.example.test');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a request without Origin with Vary: Origin and no CORS headers', async () => {
    const res = await request(ctx.app).get('/health');
    expect(res.headers.vary).toBe('Origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('health and readiness', () => {
  it('GET /health answers 200 without authentication', async () => {
    const res = await request(ctx.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 while the database is connected', async () => {
    const res = await request(ctx.app).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
  });
});

describe('the access log', () => {
  function loggedApp(lines: string[]) {
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = express();
    app.use(requestContext(createLogger({ json: true, stream })));
    app.get('/who', (req, res) => {
      req.actor = { id: 'u-42' } as Actor;
      res.status(201).json({});
    });
    return app;
  }

  it('writes exactly one JSON line per request with its id, method, path, status, duration and user', async () => {
    const lines: string[] = [];
    const res = await request(loggedApp(lines)).get('/who?x=1').set('X-Request-Id', 'trace-7');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(entry)).toEqual(['requestId', 'method', 'path', 'status', 'durationMs', 'userId', 'level', 'message', 'timestamp']);
    expect(entry).toEqual(
      expect.objectContaining({ requestId: 'trace-7', method: 'GET', path: '/who?x=1', status: 201, userId: 'u-42', level: 'info', message: '[http] request' }),
    );
    expect(entry.durationMs).toEqual(expect.any(Number));
    expect(res.headers['x-request-id']).toBe('trace-7');
  });

  it('logs an unauthenticated request without a user id', async () => {
    const lines: string[] = [];
    await request(loggedApp(lines)).get('/missing');
    await new Promise((resolve) => setImmediate(resolve));
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(entry).toEqual(expect.objectContaining({ method: 'GET', path: '/missing', status: 404 }));
    expect(entry.userId).toBeUndefined();
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the error handler', () => {
  function appThrowing(error: unknown) {
    const app = express();
    const logger = createLogger({ silent: true });
    app.use(requestContext(logger));
    app.get('/boom', () => {
      throw error;
    });
    app.use(errorHandler(logger));
    return app;
  }

  it('turns an unknown error into a 500 with a fixed message and no internals', async () => {
    const res = await request(appThrowing(new Error('secret stack detail at db.js:42'))).get('/boom');
    expect(expectError(res, 500, 'INTERNAL').message).toBe('Internal server error');
    expect(JSON.stringify(res.body)).not.toContain('db.js');
  });

  it('turns a duplicate-key error that escaped a service into 409, not 500', async () => {
    const dup = Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });
    expectError(await request(appThrowing(dup)).get('/boom'), 409, 'CONFLICT');
  });
});
