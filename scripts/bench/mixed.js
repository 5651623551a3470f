'use strict';
/**
 * A mixed multi-user load for BENCH_MIXED_SECONDS (default 30) at BENCH_MIXED_CONNECTIONS (default 50): each
 * connection is its own user with its own token, and each request is drawn at random — 80% reads (installation
 * list, catalog list, an installation, a catalog server), 15% install / uninstall (toggling one of ten shared
 * servers), 5% catalog writes (create, edit, delete one's own servers). Targets: p99 < 100 ms, no errors.
 */
const http = require('node:http');
const { PermissionBits, PrincipalType, ResourceType, McpServerSource, McpTransport } = require('@mcp-registry/data-provider');
const { principalKey } = require('@mcp-registry/data-schemas');

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_MIXED_CONNECTIONS ?? 50);
const SHARED_SERVERS = 10;
const TARGET_P99_MS = 100;

function client(baseUrl) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const { hostname, port } = new URL(baseUrl);
  return function send(method, path, token, body) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) };
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.request({ agent, hostname, port, method, path, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode, ms, body: text ? JSON.parse(text) : undefined });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** One virtual user: its token, its installations of the shared servers and its own catalog servers. */
function createUser(token, shared) {
  return { token, installed: new Map(), own: [], shared };
}

function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

async function read(send, user) {
  const r = Math.random();
  if (r < 0.4) return send('GET', '/api/mcp_server?limit=20', user.token);
  if (r < 0.7) return send('GET', '/api/mcp/servers?limit=20', user.token);
  const installed = [...user.installed.values()];
  if (r < 0.85 && installed.length > 0) return send('GET', `/api/mcp_server/${pick(installed)}`, user.token);
  return send('GET', `/api/mcp/servers/${pick(user.shared).serverName}`, user.token);
}

async function toggleInstall(send, user) {
  const server = pick(user.shared);
  const id = user.installed.get(server.id);
  if (id) {
    user.installed.delete(server.id);
    return send('DELETE', `/api/mcp_server/${id}`, user.token);
  }
  const res = await send('POST', '/api/mcp_server', user.token, { catalogId: server.id });
  if (res.status === 201 || res.status === 200) user.installed.set(server.id, res.body.id);
  return res;
}

async function writeCatalog(send, user, n) {
  if (user.own.length < 2) {
    const res = await send('POST', '/api/mcp/servers', user.token, { title: `Mixed ${n}`, config: { type: 'streamable-http', url: `https://mixed-${n}.example.com/mcp` } });
    if (res.status === 201) user.own.push(res.body);
    return res;
  }
  const server = user.own.shift();
  if (Math.random() < 0.5) return send('DELETE', `/api/mcp/servers/${server.serverName}`, user.token);
  const res = await send('PATCH', `/api/mcp/servers/${server.serverName}`, user.token, { title: `Edited ${n}`, version: server.version });
  if (res.status === 200) user.own.push(res.body);
  return res;
}

async function sharedServers(ctx, org, admin) {
  const servers = [];
  for (let i = 0; i < SHARED_SERVERS; i += 1) {
    const server = await ctx.methods.insertMcpServer({
      organizationId: org._id,
      serverName: `mixed-shared-${i}`,
      title: `Mixed shared ${i}`,
      config: { type: McpTransport.STREAMABLE_HTTP, url: `https://mixed-shared-${i}.example.com/mcp` },
      source: McpServerSource.USER,
      author: admin._id,
      viewers: [principalKey({ type: PrincipalType.PUBLIC }, String(org._id))],
    });
    await ctx.methods.grantPermission({ organizationId: org._id, principal: { type: PrincipalType.PUBLIC }, resourceType: ResourceType.MCP_SERVER, resourceId: server._id, permBits: PermissionBits.VIEW });
    servers.push({ id: String(server._id), serverName: server.serverName });
  }
  return servers;
}

module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const shared = await sharedServers(ctx, org, admin);
    const users = [];
    for (let i = 0; i < CONNECTIONS; i += 1) users.push(createUser(ctx.tokenFor(await ctx.makeUser(org)), shared));
    const send = client(ctx.baseUrl);
    const latencies = [];
    const failures = new Map();
    let counter = 0;
    const run = async (user, until, record) => {
      while (Date.now() < until) {
        const r = Math.random();
        const n = (counter += 1);
        const res = r < 0.8 ? await read(send, user) : r < 0.95 ? await toggleInstall(send, user) : await writeCatalog(send, user, n);
        if (!record) continue;
        latencies.push(res.ms);
        if (res.status >= 300) failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
      }
    };
    await Promise.all(users.map((u) => run(u, Date.now() + 3_000, false)));
    const started = Date.now();
    await Promise.all(users.map((u) => run(u, started + SECONDS * 1_000, true)));
    const elapsed = (Date.now() - started) / 1_000;
    const sorted = latencies.sort((a, b) => a - b);
    const errors = [...failures.values()].reduce((a, b) => a + b, 0);
    if (errors > 0) console.log(`[mixed] failures by status: ${JSON.stringify(Object.fromEntries(failures))}`);
    const p99 = percentile(sorted, 99);
    return [
      {
        name: `mixed load, ${CONNECTIONS} users, ${SECONDS}s (80% read, 15% install/uninstall, 5% catalog write)`,
        reqPerSec: sorted.length / elapsed,
        p50: percentile(sorted, 50),
        p99,
        non2xx: errors,
        target: `p99 < ${TARGET_P99_MS} ms, 0 errors`,
        met: p99 < TARGET_P99_MS && errors === 0,
      },
    ];
  },
};
