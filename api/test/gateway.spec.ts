import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import { GATEWAY_TOOL_NAME_MAX } from '@mcp-registry/api';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { LOOPBACK_PEERS, mcpConnectionFixtures } from './support/mcpConnections';

let ctx: TestContext;
let f: ReturnType<typeof mcpConnectionFixtures>;
let listener: http.Server;
let base: string;
const clients: Client[] = [];

beforeAll(async () => {
  ctx = await createTestContext('mcp-gateway', { ...LOOPBACK_PEERS, gateway: { listCheckMs: 200 } });
  f = mcpConnectionFixtures(ctx);
  listener = http.createServer(ctx.app);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
  await f.cleanup();
});
afterAll(async () => {
  await ctx.app.services.gateway.shutdown();
  listener.closeAllConnections();
  await new Promise((resolve) => listener.close(resolve));
  await ctx.close();
});

/** The SDK's own client on the gateway, authenticated with the user's API key. */
async function gatewayClient(user: TestUser, path = '/mcp'): Promise<Client> {
  const key = await ctx.apiKeyFor(user);
  const transport = new StreamableHTTPClientTransport(new URL(`${base}${path}`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } });
  const client = new Client({ name: 'gateway-test', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function world() {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const bob = await ctx.makeUser(org, { name: 'Bob' });
  const carol = await ctx.makeUser(org, { name: 'Carol' });
  const weather = await f.catalogServer(admin, { url: (await f.peer()).url }, [bob, carol]);
  const files = await f.catalogServer(admin, { url: (await f.peer({ echoHeader: 'x-api-key' })).url, headers: { 'x-api-key': 'catalog-key' } }, [bob, carol]);
  return { org, admin, bob, carol, weather, files };
}

const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();

describe('the MCP gateway', () => {
  it('serves a user exactly the tools installed for them on their behalf, prefixed, and calls each upstream', async () => {
    const { admin, bob, carol, weather, files } = await world();
    const a = await f.install(admin, { catalogId: weather.id, userId: bob.id });
    await f.install(admin, { catalogId: files.id, userId: bob.id });
    await ctx.app.services.mcp.settled();

    const client = await gatewayClient(bob);
    const listed = await client.listTools();
    const expected = [weather.serverName, files.serverName].flatMap((s) => ['echo', 'fail', 'whoami'].map((t) => `${s}__${t}`)).sort();
    expect(listed.tools.map((t) => t.name).sort()).toEqual(expected);
    const echo = listed.tools.find((t) => t.name === `${weather.serverName}__echo`);
    expect(echo).toEqual(expect.objectContaining({ description: 'Answers its text', inputSchema: expect.objectContaining({ type: 'object' }) }));
    expect(echo?._meta).toEqual({ 'mcp-registry/upstream': { serverName: weather.serverName, toolName: 'echo', installationId: a.id } });

    expect(await client.callTool({ name: `${weather.serverName}__echo`, arguments: { text: 'hello' } })).toEqual(expect.objectContaining({ content: [{ type: 'text', text: 'hello' }] }));
    expect((await client.callTool({ name: `${files.serverName}__whoami`, arguments: {} })).content).toEqual([{ type: 'text', text: 'catalog-key' }]);
    expect(await client.callTool({ name: `${files.serverName}__fail`, arguments: {} })).toEqual(expect.objectContaining({ isError: true }));

    expect(await names(await gatewayClient(carol))).toEqual([]);
    const audit = await ctx.mongoose.connection.db!.collection('auditlogs').find({ action: 'gateway.toolCall', actorId: bob._id }).toArray();
    expect(audit.map((e) => e.details.outcome).sort()).toEqual(['ok', 'ok', 'tool_error']);
    expect(JSON.stringify(audit)).not.toContain('hello');
  });

  it('announces tools/list_changed when an installation is removed, and the next list lacks its tools', async () => {
    const { admin, bob, weather, files } = await world();
    const gone = await f.install(admin, { catalogId: weather.id, userId: bob.id });
    await f.install(admin, { catalogId: files.id, userId: bob.id });
    await ctx.app.services.mcp.settled();
    const client = await gatewayClient(bob);
    expect(await names(client)).toHaveLength(6);
    const changed = new Promise<void>((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, async () => resolve()));

    expect((await as(ctx, admin).delete(`/api/mcp_server/${gone.id}`)).status).toBe(204);
    await changed;
    expect(await names(client)).toEqual(['echo', 'fail', 'whoami'].map((t) => `${files.serverName}__${t}`));
  });

  it('answers an upstream that dies mid-call with isError, and the session keeps working', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const bob = await ctx.makeUser(org);
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    const dying = await f.peer({ beforeCall: async (name) => (name === 'whoami' ? (entered(), new Promise<void>(() => undefined)) : undefined) });
    const steady = await f.catalogServer(admin, { url: (await f.peer()).url }, [bob]);
    const fragile = await f.catalogServer(admin, { url: dying.url }, [bob]);
    await f.install(admin, { catalogId: steady.id, userId: bob.id });
    await f.install(admin, { catalogId: fragile.id, userId: bob.id });
    await ctx.app.services.mcp.settled();
    const client = await gatewayClient(bob);

    const call = client.callTool({ name: `${fragile.serverName}__whoami`, arguments: {} });
    await inFlight;
    await dying.stop();
    const result = await call;
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain(fragile.serverName);

    expect((await client.callTool({ name: `${steady.serverName}__echo`, arguments: { text: 'still here' } })).content).toEqual([{ type: 'text', text: 'still here' }]);
  });

  it('shows a team installation to the team members only', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const member = await ctx.makeUser(org);
    const outsider = await ctx.makeUser(org);
    const team = await ctx.makeGroup(org, [member]);
    const server = await f.catalogServer(admin, { url: (await f.peer()).url }, [member, outsider]);
    await f.install(admin, { catalogId: server.id, scope: 'team', teamId: String(team._id) });
    expect((await f.api(member).reinitialize(server.serverName)).body.success).toBe(true);

    expect(await names(await gatewayClient(member))).toEqual(['echo', 'fail', 'whoami'].map((t) => `${server.serverName}__${t}`));
    expect(await names(await gatewayClient(outsider))).toEqual([]);
  });

  it("lists an organisation installation's tools for a member who never connected it", async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const member = await ctx.makeUser(org);
    const server = await f.catalogServer(admin, { url: (await f.peer()).url }, [member]);
    await f.install(admin, { catalogId: server.id, scope: 'org' });

    const client = await gatewayClient(member);
    expect(await names(client)).toEqual(['echo', 'fail', 'whoami'].map((t) => `${server.serverName}__${t}`));
    expect((await client.callTool({ name: `${server.serverName}__echo`, arguments: { text: 'org' } })).content).toEqual([{ type: 'text', text: 'org' }]);
  });

  it('serves one server unprefixed at /mcp/:serverName', async () => {
    const { admin, bob, weather, files } = await world();
    await f.install(admin, { catalogId: weather.id, userId: bob.id });
    await f.install(admin, { catalogId: files.id, userId: bob.id });
    await ctx.app.services.mcp.settled();
    const client = await gatewayClient(bob, `/mcp/${files.serverName}`);
    expect(await names(client)).toEqual(['echo', 'fail', 'whoami']);
    expect((await client.callTool({ name: 'whoami', arguments: {} })).content).toEqual([{ type: 'text', text: 'catalog-key' }]);
  });

  it('lists a server that needs the user\'s variables in the instructions instead of its tools', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const bob = await ctx.makeUser(org);
    const upstream = await f.peer({ requireHeader: { name: 'x-api-key' } });
    const server = await f.catalogServer(admin, {
      url: upstream.url,
      headers: { 'x-api-key': '{{API_TOKEN}}' },
      customUserVars: { API_TOKEN: { title: 'Token' } },
    }, [bob]);
    await f.install(bob, { catalogId: server.id });
    const client = await gatewayClient(bob);
    expect(await names(client)).toEqual([]);
    expect(client.getInstructions()).toContain(`(${server.serverName}) needs values: API_TOKEN`);
  });

  it('refuses without credentials (401 with a challenge), a revoked API key on the next request, and a foreign Origin', async () => {
    const org = await ctx.makeOrg();
    const bob = await ctx.makeUser(org);
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
    const accept = 'application/json, text/event-stream';

    const anonymous = await request(ctx.app).post('/mcp').set('Accept', accept).send(init);
    expectError(anonymous, 401, 'UNAUTHENTICATED');
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer /);

    const created = await as(ctx, bob).post('/api/keys', { name: 'gateway' });
    const key = created.body.key as string;
    const ok = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${key}`).set('Accept', accept).send(init);
    expect(ok.status).toBe(200);
    const session = ok.headers['mcp-session-id'] as string;
    expect(session).toBeTruthy();

    expect((await as(ctx, bob).delete(`/api/keys/${created.body.id}`)).status).toBe(204);
    const revoked = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${key}`).set('Mcp-Session-Id', session).set('Accept', accept).send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expectError(revoked, 401, 'UNAUTHENTICATED');

    const foreign = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${ctx.tokenFor(bob)}`).set('Origin', 'http://evil.test').set('Accept', accept).send(init);
    expectError(foreign, 403, 'FORBIDDEN');
    const rebound = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${ctx.tokenFor(bob)}`).set('Host', 'evil.test').set('Accept', accept).send(init);
    expectError(rebound, 403, 'FORBIDDEN');
  });

  it("answers another user's session id as unknown (404), and a message without a session as 400", async () => {
    const org = await ctx.makeOrg();
    const bob = await ctx.makeUser(org);
    const carol = await ctx.makeUser(org);
    const accept = 'application/json, text/event-stream';
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
    const opened = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${ctx.tokenFor(bob)}`).set('Accept', accept).send(init);
    const session = opened.headers['mcp-session-id'] as string;

    const stolen = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${ctx.tokenFor(carol)}`).set('Mcp-Session-Id', session).set('Accept', accept).send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expectError(stolen, 404, 'NOT_FOUND');
    const sessionless = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${ctx.tokenFor(bob)}`).set('Accept', accept).send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expectError(sessionless, 400, 'VALIDATION_FAILED');
    const notJsonRpc = await request(ctx.app).post('/mcp').set('Authorization', `Bearer ${ctx.tokenFor(bob)}`).set('Accept', accept).send({ jsonrpc: '1.0', method: 'x' });
    expectError(notJsonRpc, 400, 'VALIDATION_FAILED');
  });

  it('limits requests per user per minute with a 429 envelope, counted in MongoDB', async () => {
    const limited = await createTestContext('mcp-gateway-limit', { gateway: { rateLimitPerMin: 2 } });
    try {
      const org = await limited.makeOrg();
      const bob = await limited.makeUser(org);
      const send = () => request(limited.app).post('/mcp').set('Authorization', `Bearer ${limited.tokenFor(bob)}`).set('Accept', 'application/json, text/event-stream').send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
      expect((await send()).status).toBe(400);
      expect((await send()).status).toBe(400);
      expectError(await send(), 429, 'RATE_LIMITED');
      expect(await limited.mongoose.connection.db!.collection('ratelimitwindows').countDocuments({ _id: `gateway:${bob.id}` } as never)).toBe(1);
    } finally {
      await limited.app.services.gateway.shutdown();
      await limited.close();
    }
  });

  it('keeps every listed name within 64 characters of [A-Za-z0-9_-]', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const bob = await ctx.makeUser(org);
    const upstream = await f.peer();
    await upstream.setExtraTools(['a.very.long.tool.name.that.goes.on.and.on.well.past.the.limit.of.sixty.four']);
    const server = await f.catalogServer(admin, { url: upstream.url }, [bob]);
    await f.install(admin, { catalogId: server.id, userId: bob.id });
    await ctx.app.services.mcp.settled();
    const client = await gatewayClient(bob);
    const tools = (await client.listTools()).tools;
    expect(tools).toHaveLength(4);
    for (const tool of tools) expect(tool.name).toMatch(new RegExp(`^[A-Za-z0-9_-]{1,${GATEWAY_TOOL_NAME_MAX}}$`));
    const long = tools.find((t) => t.name.startsWith(`${server.serverName}__a_very`));
    expect((await client.callTool({ name: long!.name, arguments: {} })).content).toEqual([{ type: 'text', text: expect.stringContaining('called a.very.long') }]);
  });
});
