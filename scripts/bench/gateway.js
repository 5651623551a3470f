'use strict';
/**
 * The MCP gateway (`/mcp`): `tools/list` for a user with 20 installed servers × 20 tools (from the tool cache) as a
 * ratio to the floor, and a trivial `tools/call` through the gateway against the SDK client calling the same
 * upstream directly (both driven by the SDK's own client, interleaved 1-second slices, 10 calls in flight).
 * Targets: tools/list ≥ 0.3 of the floor; tools/call ≥ 0.5 of direct.
 */
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { CallToolRequestSchema, ListToolsRequestSchema } = require('@modelcontextprotocol/sdk/types.js');
const { ALL_PERMISSION_BITS, McpConnectionState, McpServerSource, McpTransport, PrincipalType, ResourceType } = require('@mcp-registry/data-provider');

const SERVERS = 20;
const TOOLS = 20;
const IN_FLIGHT = 10;
const SLICES = Number(process.env.BENCH_DURATION ?? 5) * 2;
const TARGETS = { list: 0.3, call: 0.5 };

/** A real MCP server (SDK) on 127.0.0.1 with one trivial tool. */
async function startUpstream() {
  const sessions = new Map();
  const server = http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    const id = req.headers['mcp-session-id'];
    if (id && sessions.has(id)) return sessions.get(id).handleRequest(req, res, body);
    const mcp = new Server({ name: 'bench-upstream', version: '1.0.0' }, { capabilities: { tools: {} } });
    mcp.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [{ name: 'ping', description: 'Answers pong', inputSchema: { type: 'object', properties: {} } }] }));
    mcp.setRequestHandler(CallToolRequestSchema, async () => ({ content: [{ type: 'text', text: 'pong' }] }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (sid) => sessions.set(sid, transport) });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/mcp`, close: () => (server.closeAllConnections(), new Promise((r) => server.close(r))) };
}

async function connectClient(url, headers = {}) {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** Calls completed in one second with IN_FLIGHT calls kept in flight. */
async function callsPerSecond(call) {
  const until = Date.now() + 1000;
  let done = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (Date.now() < until) {
      await call();
      done += 1;
    }
  }));
  return done;
}

async function catalogServer(ctx, org, admin, serverName, url) {
  const server = await ctx.methods.insertMcpServer({
    organizationId: org._id,
    serverName,
    title: serverName,
    config: { type: McpTransport.STREAMABLE_HTTP, url },
    source: McpServerSource.USER,
    author: admin._id,
    viewers: [`${PrincipalType.USER}:${admin.id}`],
  });
  await ctx.methods.grantPermission({ organizationId: org._id, principal: { type: PrincipalType.USER, id: admin.id }, resourceType: ResourceType.MCP_SERVER, resourceId: server._id, permBits: ALL_PERMISSION_BITS });
  return server;
}

/** 20 installations for the user whose tool cache holds 20 tools each, as connecting would have left it. */
async function seedTwentyByTwenty(ctx, org, admin, user) {
  for (let s = 0; s < SERVERS; s += 1) {
    const server = await catalogServer(ctx, org, admin, `bench-gw-${s}`, `https://bench-gw-${s}.example.com/mcp`);
    const { installation } = await ctx.methods.upsertInstallation({
      organizationId: org._id, catalogId: server._id, serverName: server.serverName, scope: 'personal', ownerId: user._id, installedBy: admin._id, status: 'active',
    });
    await ctx.methods.assignUserToInstallation({ organizationId: org._id, installationId: installation._id, userId: user._id });
    const tools = Array.from({ length: TOOLS }, (_, t) => ({ name: `tool_${t}`, description: `Tool ${t} of server ${s}`, inputSchema: { type: 'object', properties: { q: { type: 'string' } } } }));
    await ctx.methods.recordMcpConnection({
      organizationId: org._id, installationId: installation._id, userId: user._id, catalogId: server._id, catalogVersion: server.version ?? 1,
      state: McpConnectionState.CONNECTED, lastError: null, requiresOAuth: false, lastConnectedAt: new Date(), toolsJson: JSON.stringify(tools),
    });
  }
}

async function openSession(ctx, auth) {
  const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } };
  const headers = { ...auth, accept: 'application/json, text/event-stream' };
  const post = (extra, body) => fetch(`${ctx.baseUrl}/mcp`, { method: 'POST', headers: { ...headers, ...extra, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const opened = await post({}, init);
  await opened.text();
  const session = opened.headers.get('mcp-session-id');
  if (!session) throw new Error(`gateway initialize answered ${opened.status}`);
  await (await post({ 'mcp-session-id': session }, { jsonrpc: '2.0', method: 'notifications/initialized' })).text();
  return { ...headers, 'content-type': 'application/json', 'mcp-session-id': session };
}

module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const lister = await ctx.makeUser(org);
    const caller = await ctx.makeUser(org);
    await seedTwentyByTwenty(ctx, org, admin, lister);
    const listHeaders = await openSession(ctx, { authorization: `Bearer ${ctx.tokenFor(lister)}` });
    const listRow = await ctx.measure(
      `/mcp tools/list (${SERVERS} servers × ${TOOLS} tools)`,
      { method: 'POST', path: '/mcp', headers: listHeaders, body: { jsonrpc: '2.0', id: 2, method: 'tools/list' } },
      { target: TARGETS.list },
    );

    const upstream = await startUpstream();
    const server = await catalogServer(ctx, org, admin, 'bench-gw-call', upstream.url);
    await ctx.methods.upsertInstallation({ organizationId: org._id, catalogId: server._id, serverName: server.serverName, scope: 'org', teamId: null, ownerId: null, installedBy: admin._id, status: 'active' });
    const direct = await connectClient(upstream.url);
    const viaGateway = await connectClient(`${ctx.baseUrl}/mcp`, { Authorization: `Bearer ${await ctx.apiKeyFor(caller)}` });
    const name = 'bench-gw-call__ping';
    await viaGateway.listTools();
    const first = await viaGateway.callTool({ name, arguments: {} });
    if (first.isError) throw new Error(`gateway call failed: ${JSON.stringify(first.content)}`);
    const directSlices = [];
    const gatewaySlices = [];
    for (let i = 0; i < SLICES; i += 1) {
      directSlices.push(await callsPerSecond(() => direct.callTool({ name: 'ping', arguments: {} })));
      gatewaySlices.push(await callsPerSecond(() => viaGateway.callTool({ name, arguments: {} })));
    }
    await Promise.all([direct.close(), viaGateway.close()]);
    await upstream.close();
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const ratio = sum(gatewaySlices) / sum(directSlices);
    console.log(`[gateway] tools/call: direct ${Math.round(sum(directSlices) / SLICES)}/s, through the gateway ${Math.round(sum(gatewaySlices) / SLICES)}/s`);
    return [
      listRow,
      { name: '/mcp tools/call ÷ SDK client direct to the upstream', value: ratio.toFixed(2), unit: '×', target: `≥ ${TARGETS.call}`, met: ratio >= TARGETS.call },
    ];
  },
};
