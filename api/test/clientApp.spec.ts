import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../server/app';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';

let ctx: TestContext;
let clientDir: string;
let app: ReturnType<typeof createApp>;
const page = '<!doctype html><title>client</title><script type="module" src="/assets/index-abc123.js"></script>';

beforeAll(async () => {
  ctx = await createTestContext('client-app');
  clientDir = mkdtempSync(path.join(tmpdir(), 'client-dist-'));
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'index.html'), page);
  writeFileSync(path.join(clientDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  app = createApp({ config: ctx.config, methods: ctx.methods, logger: ctx.logger, isReady: async () => true, clientDir });
});
afterAll(async () => {
  rmSync(clientDir, { recursive: true, force: true });
  await ctx.close();
});

describe('the web client served at /', () => {
  it('answers client routes (and the OAuth callback\'s landing pages) with index.html, never cached, under a CSP that allows its own scripts', async () => {
    for (const url of ['/', '/catalog', '/admin/users?x=1', '/oauth/success?serverName=x', '/oauth/error?error=access_denied']) {
      const res = await request(app).get(url).set('Accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.text).toBe(page);
    }
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const res = await request(app).get('/assets/index-abc123.js');

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe('console.log("app")');
  });

  it('leaves the API alone: unknown /api paths and missing assets are the JSON 404, /health is JSON', async () => {
    const unknown = await request(app).get('/api/nothing-here').set('Accept', 'text/html');
    const asset = await request(app).get('/assets/missing-000.js');
    const health = await request(app).get('/health').set('Accept', 'text/html');

    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect(asset.status).toBe(404);
    expect(asset.body.error.code).toBe('NOT_FOUND');
    expect(health.body).toEqual({ status: 'ok' });
    expect(health.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('does not answer writes or JSON-only requests with the page', async () => {
    const post = await request(app).post('/catalog').send({});
    const json = await request(app).get('/catalog').set('Accept', 'application/json');

    expect(post.status).toBe(404);
    expect(json.status).toBe(404);
    expect(json.body.error.code).toBe('NOT_FOUND');
  });

  it('without a client build the service answers JSON only', async () => {
    const res = await request(ctx.app).get('/catalog').set('Accept', 'text/html');

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});
