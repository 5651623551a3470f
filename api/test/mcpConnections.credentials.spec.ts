import { McpConnectionState } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { detailFields, expectError } from './support/expectError';
import { LOOPBACK_PEERS, mcpConnectionFixtures } from './support/mcpConnections';

let ctx: TestContext;
let f: ReturnType<typeof mcpConnectionFixtures>;

beforeAll(async () => {
  ctx = await createTestContext('mcp-credentials', LOOPBACK_PEERS);
  f = mcpConnectionFixtures(ctx);
});
afterEach(() => f.cleanup());
afterAll(() => ctx.close());

const KEYED = { headers: { 'x-api-key': '{{API_KEY}}' }, customUserVars: { API_KEY: { title: 'API key', description: 'Your key' } } };

async function keyedWorld(accept?: string) {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const user = await ctx.makeUser(org);
  const upstream = await f.peer({ requireHeader: { name: 'x-api-key', value: accept }, echoHeader: 'x-api-key' });
  const server = await f.catalogServer(admin, { url: upstream.url, ...KEYED }, [user]);
  return { org, admin, user, upstream, server, name: server.serverName };
}

const rawCollection = (name: string) => ctx.mongoose.connection.db!.collection(name);

describe('per-user credentials of an MCP connection', () => {
  it('is 409 AUTH_REQUIRED naming the missing variable, without contacting the server', async () => {
    const { user, upstream, server, name } = await keyedWorld();
    await f.install(user, { catalogId: server.id });
    const api = f.api(user);

    const error = expectError(await api.call(name, 'whoami'), 409, 'AUTH_REQUIRED');
    expect(error.message).toContain('API_KEY');
    expect(error.details).toEqual([{ field: 'API_KEY', location: 'auth-values', message: 'Not set' }]);
    expect(upstream.requests).toEqual([]);
    expect((await api.serverStatus(name)).body).toEqual(expect.objectContaining({ connectionState: McpConnectionState.NEEDS_AUTH, requiresOAuth: false }));
    const tools = await api.tools();
    expect(tools.body.servers[name]).toEqual(
      expect.objectContaining({ authenticated: false, authConfig: [{ authField: 'API_KEY', label: 'API key', description: 'Your key', sensitive: true }] }),
    );
    const reinit = await api.reinitialize(name);
    expect(reinit.body).toEqual(expect.objectContaining({ success: false, oauthRequired: false, message: expect.stringContaining('API_KEY') }));
  });

  it('fills {{VAR}} from the values the user sets; a wrong value is needs_auth; values are flags only and encrypted at rest', async () => {
    const { user, upstream, server, name } = await keyedWorld('right-key');
    await f.install(user, { catalogId: server.id });
    const api = f.api(user);
    expect((await api.authValues(name)).body).toEqual({ serverName: name, authConfig: [{ authField: 'API_KEY', label: 'API key', description: 'Your key', sensitive: true }], authValueFlags: { API_KEY: false } });

    const wrong = await api.setAuthValues(name, { API_KEY: 'wrong-key' });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({ serverName: name, authConfig: [{ authField: 'API_KEY', label: 'API key', description: 'Your key', sensitive: true }], authValueFlags: { API_KEY: true } });
    await ctx.app.services.mcp.settled();
    expect((await api.serverStatus(name)).body).toEqual(
      expect.objectContaining({ connectionState: McpConnectionState.NEEDS_AUTH, lastError: 'the server answered HTTP 401' }),
    );
    expectError(await api.call(name, 'whoami'), 409, 'AUTH_REQUIRED');

    await api.setAuthValues(name, { API_KEY: 'right-key' });
    await ctx.app.services.mcp.settled();
    expect((await api.serverStatus(name)).body.connectionState).toBe(McpConnectionState.CONNECTED);
    expect((await api.call(name, 'whoami')).body).toEqual({ content: [{ type: 'text', text: 'right-key' }] });
    expect(upstream.requests.length).toBeGreaterThan(0);

    const stored = JSON.stringify(await rawCollection('mcpusercredentials').find({}).toArray());
    expect(stored).not.toContain('right-key');
    expect(stored).toContain('v1:');

    const cleared = await api.setAuthValues(name, { API_KEY: null });
    expect(cleared.body.authValueFlags).toEqual({ API_KEY: false });
    expectError(await api.call(name, 'whoami'), 409, 'AUTH_REQUIRED');
  });

  it('refuses a variable the server does not declare, and malformed values, changing nothing', async () => {
    const { user, server, name } = await keyedWorld();
    await f.install(user, { catalogId: server.id });
    const api = f.api(user);

    const unknown = await api.setAuthValues(name, { API_KEY: 'k', OTHER: 'x' });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(detailFields(unknown)).toEqual(['values.OTHER']);
    expect((await api.authValues(name)).body.authValueFlags).toEqual({ API_KEY: false });

    expectError(await api.setAuthValues(name, { API_KEY: 42 } as never), 400, 'VALIDATION_FAILED');
    expectError(await api.setAuthValues(name, {}), 400, 'VALIDATION_FAILED');
    const unexpected = await api.call(name, 'whoami', [] as never);
    expect(detailFields(unexpected)).toEqual(['arguments']);
  });

  it('lets each member of a team installation reach the server with their own value', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const [alice, bob] = await Promise.all([ctx.makeUser(org), ctx.makeUser(org)]);
    const group = await ctx.makeGroup(org, [admin, alice, bob]);
    const upstream = await f.peer({ requireHeader: { name: 'x-api-key' }, echoHeader: 'x-api-key' });
    const server = await f.catalogServer(admin, { url: upstream.url, ...KEYED }, [alice, bob]);
    await f.install(admin, { catalogId: server.id, scope: 'team', teamId: String(group._id) });

    await f.api(alice).setAuthValues(server.serverName, { API_KEY: 'alice-key' });
    await f.api(bob).setAuthValues(server.serverName, { API_KEY: 'bob-key' });
    expect((await f.api(alice).call(server.serverName, 'whoami')).body.content[0].text).toBe('alice-key');
    expect((await f.api(bob).call(server.serverName, 'whoami')).body.content[0].text).toBe('bob-key');
  });

  it("an admin's install for a user seeds the user's values and connects in the background, so their tools are there", async () => {
    const { admin, user, server, name } = await keyedWorld('seeded');
    await f.install(admin, { catalogId: server.id, userId: user.id, customUserVars: { API_KEY: 'seeded' } });
    await ctx.app.services.mcp.settled();

    const api = f.api(user);
    expect((await api.authValues(name)).body.authValueFlags).toEqual({ API_KEY: true });
    expect((await api.serverStatus(name)).body.connectionState).toBe(McpConnectionState.CONNECTED);
    expect((await api.tools()).body.servers[name]).toEqual(expect.objectContaining({ authenticated: true, tools: expect.arrayContaining([expect.objectContaining({ name: 'whoami' })]) }));
  });
});

describe('POST /api/mcp_server/:id/inspect', () => {
  it('lists and calls tools with the caller’s own values', async () => {
    const { user, server } = await keyedWorld();
    const installation = await f.install(user, { catalogId: server.id, customUserVars: { API_KEY: 'mine' } });
    const api = f.api(user);

    const list = await api.inspect(installation.id, { method: 'tools/list' });
    expect(list.status).toBe(200);
    expect(list.body.tools.map((t: { name: string }) => t.name)).toEqual(['echo', 'whoami', 'fail']);
    const call = await api.inspect(installation.id, { method: 'tools/call', toolName: 'whoami', arguments: {} });
    expect(call.body).toEqual({ content: [{ type: 'text', text: 'mine' }] });
  });

  it("an installation admin inspecting a user's installation uses the values stored at install time, not the user's own", async () => {
    const { admin, user, server, name } = await keyedWorld();
    const installation = await f.install(admin, { catalogId: server.id, userId: user.id, customUserVars: { API_KEY: 'at-install' } });
    await f.api(user).setAuthValues(name, { API_KEY: 'users-own' });
    await ctx.app.services.mcp.settled();

    const inspected = await f.api(admin).inspect(installation.id, { method: 'tools/call', toolName: 'whoami' });
    expect(inspected.body).toEqual({ content: [{ type: 'text', text: 'at-install' }] });
    expect((await f.api(user).call(name, 'whoami')).body.content[0].text).toBe('users-own');
  });

  it('is 404 for someone who cannot see the installation, 400 for a call without a tool name or an unknown field', async () => {
    const { org, user, server } = await keyedWorld();
    const installation = await f.install(user, { catalogId: server.id });
    const other = await ctx.makeUser(org);
    expectError(await f.api(other).inspect(installation.id, { method: 'tools/list' }), 404, 'NOT_FOUND');
    const noTool = await f.api(user).inspect(installation.id, { method: 'tools/call' });
    expectError(noTool, 400, 'VALIDATION_FAILED');
    expect(detailFields(noTool)).toContain('toolName');
    const extra = await f.api(user).inspect(installation.id, { method: 'tools/list', surprise: 1 });
    expectError(extra, 400, 'VALIDATION_FAILED');
    expect(detailFields(extra)).toContain('surprise');
    expectError(await f.api(user).inspect(installation.id, { method: 'resources/list' }), 400, 'VALIDATION_FAILED');
  });
});
