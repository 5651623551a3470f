import request from 'supertest';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { bearerFor, makeServer, share } from './support/mcpServers';
import { createReplica } from './support/replica';
import type { Replica } from './support/replica';
import { testConfig } from './support/testConfig';

/** Two instances of the service on one database behave like one: nothing that decides an answer is per process. */
const ACTOR_CACHE_TTL_MS = 300;
let ctx: TestContext;
let b: Replica;
let org: IOrganization;
let admin: TestUser;
let user: TestUser;

beforeAll(async () => {
  const { auth } = testConfig();
  ctx = await createTestContext('replicas', { auth: { ...auth, loginRateLimit: { windowMs: 60_000, max: 3 }, actorCacheTtlMs: ACTOR_CACHE_TTL_MS } });
  b = await createReplica(ctx);
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  user = await ctx.makeUser(org);
});
afterAll(async () => {
  await b.close();
  await ctx.close();
});

const a = () => ctx.app;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two instances on one database', () => {
  it('share one login rate limit: the attempts of both count against it', async () => {
    const attempt = (app: typeof ctx.app) => request(app).post('/api/auth/login').send({ email: 'nobody@example.test', password: 'wrong-pass' });
    expect((await attempt(a())).status).toBe(401);
    expect((await attempt(b.app)).status).toBe(401);
    expect((await attempt(a())).status).toBe(401);

    expectError(await attempt(b.app), 429, 'RATE_LIMITED');
    expectError(await attempt(a()), 429, 'RATE_LIMITED');
  });

  it('never answer a replayed install with an installation the other deleted', async () => {
    const server = await makeServer(ctx, admin, { title: 'Deleted elsewhere' });
    const install = () => request(a()).post('/api/mcp_server').set('Authorization', bearerFor(ctx, admin)).send({ catalogId: server.id });
    const created = await install();
    const replayed = await install();

    const deleted = await request(b.app).delete(`/api/mcp_server/${created.body.id}`).set('Authorization', bearerFor(ctx, admin));
    const again = await install();

    expect([created.status, replayed.status, deleted.status]).toEqual([201, 200, 204]);
    expect(replayed.body.id).toBe(created.body.id);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(created.body.id);
    expect(await ctx.methods.findInstallation(org._id, again.body.id, { all: true })).toMatchObject({ serverName: server.serverName });
    expect(await ctx.methods.findInstallation(org._id, created.body.id, { all: true })).toBeNull();
  });

  it("enforce a share revoked on one on the other's very next request", async () => {
    const server = await makeServer(ctx, admin, { title: 'Revoked elsewhere' });
    await share(ctx, admin, server.id, { updated: [{ type: 'user', id: user.id, accessRoleId: 'mcpServer_viewer' }] });
    const names = async () => ((await request(a()).get('/api/mcp/servers?limit=100').set('Authorization', bearerFor(ctx, user))).body.data as Array<{ serverName: string }>).map((s) => s.serverName);
    expect(await names()).toContain(server.serverName);
    expect((await request(a()).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, user))).status).toBe(200);

    const revoked = await request(b.app).put(`/api/permissions/mcpServer/${server.id}`).set('Authorization', bearerFor(ctx, admin)).send({ removed: [{ type: 'user', id: user.id }] });

    expect(revoked.status).toBe(200);
    expect(await names()).not.toContain(server.serverName);
    expectError(await request(a()).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, user)), 404, 'NOT_FOUND');
    expectError(await request(a()).post('/api/mcp_server').set('Authorization', bearerFor(ctx, user)).send({ catalogId: server.id }), 404, 'NOT_FOUND');
  });

  it('see an API key revoked on the other within ACTOR_CACHE_TTL_MS, and at once on the instance that revoked it', async () => {
    const key = await ctx.apiKeyFor(admin);
    const me = (app: typeof ctx.app) => request(app).get('/api/user').set('Authorization', `Bearer ${key}`);
    expect((await me(a())).status).toBe(200);
    expect((await me(b.app)).status).toBe(200);
    const [listed] = (await request(b.app).get('/api/keys').set('Authorization', `Bearer ${key}`)).body.data as Array<{ id: string }>;

    const revoked = await request(b.app).delete(`/api/keys/${listed?.id}`).set('Authorization', `Bearer ${key}`);

    expect(revoked.status).toBe(204);
    expectError(await me(b.app), 401, 'UNAUTHENTICATED');
    await sleep(ACTOR_CACHE_TTL_MS + 50);
    expectError(await me(a()), 401, 'UNAUTHENTICATED');
  });
});
