import request from 'supertest';
import type { App } from '../server/app';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { LOOPBACK_PEERS, mcpConnectionFixtures } from './support/mcpConnections';
import { bearerFor } from './support/mcpServers';
import { createReplica } from './support/replica';
import type { Replica } from './support/replica';

/** Replica A holds an open connection; the user changes their credentials through replica B. */
let ctx: TestContext;
let b: Replica;
let f: ReturnType<typeof mcpConnectionFixtures>;

const KEYED = { headers: { 'x-api-key': '{{API_KEY}}' }, customUserVars: { API_KEY: { title: 'API key' } } };

beforeAll(async () => {
  ctx = await createTestContext('mcp_connection_replicas', { ...LOOPBACK_PEERS, mcpConnections: { connectInBackground: false, credentialRecheckMs: 0 } });
  b = await createReplica(ctx);
  f = mcpConnectionFixtures(ctx);
});
afterEach(() => f.cleanup());
afterAll(async () => {
  await b.close();
  await ctx.close();
});

const whoami = (app: App, user: TestUser, name: string) =>
  request(app).post(`/api/mcp/${name}/tools/whoami/call`).set('Authorization', bearerFor(ctx, user)).send({ arguments: {} });
const setKey = (app: App, user: TestUser, name: string, value: string | null) =>
  request(app).put(`/api/mcp/${name}/auth-values`).set('Authorization', bearerFor(ctx, user)).send({ values: { API_KEY: value } });

async function keyedInstall() {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const user = await ctx.makeUser(org);
  const upstream = await f.peer({ echoHeader: 'x-api-key' });
  const server = await f.catalogServer(admin, { url: upstream.url, ...KEYED }, [user]);
  await f.install(user, { catalogId: server.id });
  return { user, upstream, name: server.serverName };
}

describe('credentials changed through another replica', () => {
  it('an open connection on A is made again with the values set through B, and not reused once they are cleared', async () => {
    const { user, upstream, name } = await keyedInstall();
    expect((await setKey(ctx.app, user, name, 'first-key')).status).toBe(200);
    expect((await whoami(ctx.app, user, name)).body).toEqual({ content: [{ type: 'text', text: 'first-key' }] });
    const opened = upstream.sessionsOpened;

    expect((await setKey(b.app, user, name, 'second-key')).status).toBe(200);
    expect((await whoami(ctx.app, user, name)).body).toEqual({ content: [{ type: 'text', text: 'second-key' }] });
    expect(upstream.sessionsOpened).toBe(opened + 1);

    expect((await whoami(ctx.app, user, name)).body).toEqual({ content: [{ type: 'text', text: 'second-key' }] });
    expect(upstream.sessionsOpened).toBe(opened + 1);

    expect((await setKey(b.app, user, name, null)).status).toBe(200);
    const refused = await whoami(ctx.app, user, name);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('AUTH_REQUIRED');
  });
});
