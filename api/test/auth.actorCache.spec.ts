import request from 'supertest';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { testConfig } from './support/testConfig';

/**
 * The actor cache (a long ACTOR_CACHE_TTL_MS here) never lets a caller keep what a write in this process took away:
 * every write to users, roles, groups and API keys reaches it, whoever makes it (a service, the CLI's methods, a test).
 */
let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;

beforeAll(async () => {
  const { auth } = testConfig();
  ctx = await createTestContext('auth-actor-cache', { auth: { ...auth, actorCacheTtlMs: 60_000 } });
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
});
afterAll(() => ctx.close());

const me = (authorization: string) => request(ctx.app).get('/api/user').set('Authorization', authorization);
const asAdmin = (req: request.Test) => req.set('Authorization', `Bearer ${ctx.tokenFor(admin)}`);

describe('the actor cache', () => {
  it('refuses a revoked API key on the very next request', async () => {
    const user = await ctx.makeUser(org);
    const key = await ctx.apiKeyFor(user);
    expect((await me(`Bearer ${key}`)).status).toBe(200);
    const [listed] = (await asAdmin(request(ctx.app).get(`/api/keys?userId=${user.id}`))).body.data as Array<{ id: string }>;

    expect((await asAdmin(request(ctx.app).delete(`/api/keys/${listed?.id}`))).status).toBe(204);

    expectError(await me(`Bearer ${key}`), 401, 'UNAUTHENTICATED');
  });

  it("refuses a deleted user's token and API key on the very next request", async () => {
    const user = await ctx.makeUser(org);
    const key = await ctx.apiKeyFor(user);
    const token = `Bearer ${ctx.tokenFor(user)}`;
    expect((await me(token)).status).toBe(200);
    expect((await me(`Bearer ${key}`)).status).toBe(200);

    expect((await asAdmin(request(ctx.app).delete(`/api/users/${user.id}`))).status).toBe(204);

    expectError(await me(token), 401, 'UNAUTHENTICATED');
    expectError(await me(`Bearer ${key}`), 401, 'UNAUTHENTICATED');
  });

  it("shows a role's new permissions on the next request, even when written straight through the methods", async () => {
    const user = await ctx.makeUser(org);
    const token = `Bearer ${ctx.tokenFor(user)}`;
    const createServer = () => request(ctx.app).post('/api/mcp/servers').set('Authorization', token).send({ title: 'Cache check', config: { type: 'streamable-http', url: 'https://mcp.example.com/mcp' } });
    expect((await request(ctx.app).get('/api/mcp/servers').set('Authorization', token)).status).toBe(200);

    await ctx.methods.setRolePermissions(String(org._id), 'USER', 'MCP_SERVERS', { CREATE: false });
    try {
      expectError(await createServer(), 403, 'FORBIDDEN');
    } finally {
      await ctx.methods.setRolePermissions(String(org._id), 'USER', 'MCP_SERVERS', { CREATE: true });
    }
    expect((await createServer()).status).toBe(201);
  });

  it('shows a new group membership, written straight through the methods, on the next request', async () => {
    const user = await ctx.makeUser(org);
    const token = `Bearer ${ctx.tokenFor(user)}`;
    expect((await me(token)).status).toBe(200);
    const group = await ctx.makeGroup(org, [user]);

    const server = await request(ctx.app)
      .post('/api/mcp/servers')
      .set('Authorization', `Bearer ${ctx.tokenFor(admin)}`)
      .send({ title: 'For the group', config: { type: 'streamable-http', url: 'https://mcp.example.com/mcp' } });
    await request(ctx.app)
      .put(`/api/permissions/mcpServer/${server.body.id}`)
      .set('Authorization', `Bearer ${ctx.tokenFor(admin)}`)
      .send({ updated: [{ type: 'group', id: String(group._id), accessRoleId: 'mcpServer_viewer' }] });
    const listed = (await request(ctx.app).get('/api/mcp/servers?limit=100').set('Authorization', token)).body.data as Array<{ id: string }>;

    expect(listed.map((s) => s.id)).toContain(server.body.id);
  });
});
