import { McpConnectionState } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { expectError } from './support/expectError';
import { LOOPBACK_PEERS, mcpConnectionFixtures } from './support/mcpConnections';
import { startRedirector } from '../../test/mcpPeer';
import { as } from './support/as';

let ctx: TestContext;
let f: ReturnType<typeof mcpConnectionFixtures>;

beforeAll(async () => {
  ctx = await createTestContext('mcp-lifecycle', LOOPBACK_PEERS);
  f = mcpConnectionFixtures(ctx);
});
afterEach(() => f.cleanup());
afterAll(() => ctx.close());

async function world(peerOptions: Parameters<typeof f.peer>[0] = {}, config: Record<string, unknown> = {}) {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const user = await ctx.makeUser(org);
  const upstream = await f.peer(peerOptions);
  const server = await f.catalogServer(admin, { url: upstream.url, ...config }, [user]);
  const installation = await f.install(user, { catalogId: server.id });
  return { org, admin, user, upstream, server, installation, name: server.serverName, api: f.api(user) };
}

describe('connecting to an installed MCP server', () => {
  it('lists nothing until the first connect, then the cached tools after reinitialize, without contacting the server again', async () => {
    const { user, upstream, installation, name, api } = await world();

    const before = await api.tools();
    expect(before.status).toBe(200);
    expect(before.body.servers[name]).toEqual({ installationId: installation.id, title: 'Weather Tools', authenticated: true, authConfig: [], tools: [] });
    expect((await api.serverStatus(name)).body).toEqual({ serverName: name, installationId: installation.id, title: 'Weather Tools', connectionState: McpConnectionState.DISCONNECTED, requiresOAuth: false });
    expect(upstream.requests).toEqual([]);

    const reinit = await api.reinitialize(name);
    expect(reinit.status).toBe(200);
    expect(reinit.body).toEqual({ success: true, message: expect.stringContaining('3 tools'), serverName: name, oauthRequired: false, oauthUrl: null });

    const seen = upstream.requests.length;
    const tools = await api.tools();
    expect(tools.body.servers[name].tools.map((t: { name: string }) => t.name)).toEqual(['echo', 'whoami', 'fail']);
    expect(tools.body.servers[name].tools[0]).toEqual({ name: 'echo', description: 'Answers its text', inputSchema: expect.objectContaining({ type: 'object' }) });
    const status = await api.status();
    expect(status.body.connectionStatus[name]).toEqual({ installationId: installation.id, title: 'Weather Tools', connectionState: McpConnectionState.CONNECTED, requiresOAuth: false, lastConnectedAt: expect.any(String) });
    expect(upstream.requests).toHaveLength(seen);

    const stored = await ctx.mongoose.connection.db!.collection('mcpconnections').findOne({ userId: user._id });
    expect(stored).toEqual(expect.objectContaining({ state: McpConnectionState.CONNECTED, catalogVersion: 1 }));
  });

  it('calls a tool (connecting first), answers a tool failure as 200 isError, and an unknown tool as 404', async () => {
    const { name, api } = await world();

    const echo = await api.call(name, 'echo', { text: 'hi' });
    expect(echo.status).toBe(200);
    expect(echo.body).toEqual({ content: [{ type: 'text', text: 'hi' }], structuredContent: { text: 'hi' } });

    const failed = await api.call(name, 'fail');
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual({ content: [{ type: 'text', text: 'it failed' }], isError: true });

    expectError(await api.call(name, 'missing'), 404, 'NOT_FOUND');
  });

  it('talks to a legacy SSE server', async () => {
    const { name, api } = await world({ protocol: 'sse' }, { type: 'sse' });
    expect((await api.call(name, 'echo', { text: 'old' })).body).toEqual(expect.objectContaining({ content: [{ type: 'text', text: 'old' }] }));
  });

  it('reports a stopped server as error with the reason, and reinitialize brings it and its tools back', async () => {
    const { upstream, name, api } = await world();
    expect((await api.reinitialize(name)).body.success).toBe(true);
    await upstream.stop();

    const call = expectError(await api.call(name, 'echo', { text: 'x' }), 502, 'UPSTREAM_UNAVAILABLE');
    expect(call.message).toContain('connection refused');
    expect((await api.serverStatus(name)).body).toEqual(
      expect.objectContaining({ connectionState: McpConnectionState.ERROR, lastError: 'connection refused', lastConnectedAt: expect.any(String) }),
    );
    const failed = await api.reinitialize(name);
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual(expect.objectContaining({ success: false, message: expect.stringContaining('connection refused'), oauthRequired: false }));

    await upstream.start();
    expect((await api.reinitialize(name)).body.success).toBe(true);
    expect((await api.serverStatus(name)).body.connectionState).toBe(McpConnectionState.CONNECTED);
    expect((await api.tools()).body.servers[name].tools).toHaveLength(3);
  });

  it('refuses a server that redirects to a blocked address: 400 SSRF_BLOCKED on a call, success false on reinitialize', async () => {
    const { admin, user } = await world();
    const redirector = await startRedirector('http://169.254.169.254/mcp');
    try {
      const server = await f.catalogServer(admin, { url: redirector.url }, [user]);
      await f.install(user, { catalogId: server.id });
      const blocked = expectError(await f.api(user).call(server.serverName, 'echo'), 400, 'SSRF_BLOCKED');
      expect(blocked.message).toContain('redirect refused');
      const reinit = await f.api(user).reinitialize(server.serverName);
      expect(reinit.body).toEqual(expect.objectContaining({ success: false, message: expect.stringContaining('redirect refused') }));
    } finally {
      await redirector.close();
    }
  });

  it('reconnects after the catalog server changed, and ends the session when the installation is deleted', async () => {
    const { admin, user, upstream, server, installation, name, api } = await world();
    await api.call(name, 'echo', { text: 'one' });
    expect(upstream.sessionsOpened).toBe(1);

    const patched = await as(ctx, admin).patch(`/api/mcp/servers/${name}`, { version: server.version, description: 'Changed' });
    expect(patched.status).toBe(200);
    await api.call(name, 'echo', { text: 'two' });
    expect(upstream.sessionsOpened).toBe(2);
    await f.until(() => upstream.sessionsClosed === 1);
    expect(upstream.sessionsClosed).toBe(1);

    expect((await as(ctx, user).delete(`/api/mcp_server/${installation.id}`)).status).toBe(204);
    await f.until(() => upstream.sessionsClosed === 2);
    expect(upstream.sessionsClosed).toBe(2);
    expect(await ctx.mongoose.connection.db!.collection('mcpconnections').countDocuments({ userId: user._id })).toBe(0);
    expectError(await api.call(name, 'echo', { text: 'three' }), 404, 'NOT_FOUND');
  });

  it('never names a server `servers`, so the catalog paths cannot hide its connection routes', async () => {
    const { admin, upstream } = await world();
    const created = await as(ctx, admin).post('/api/mcp/servers', { title: 'Servers', config: { type: 'streamable-http', url: upstream.url } });
    expect(created.status).toBe(201);
    expect(created.body.serverName).toBe('servers-2');
  });

  it('answers 404 for a server the caller has no usable installation of', async () => {
    const { admin, name } = await world();
    const stranger = f.api(admin);
    expectError(await stranger.call(name, 'echo'), 404, 'NOT_FOUND');
    expectError(await stranger.reinitialize(name), 404, 'NOT_FOUND');
    expectError(await stranger.serverStatus(name), 404, 'NOT_FOUND');
    expectError(await stranger.authValues(name), 404, 'NOT_FOUND');
    expect((await stranger.tools()).body.servers[name]).toBeUndefined();
  });
});
