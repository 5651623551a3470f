'use strict';
/**
 * MCP connections against a real local MCP server (scripts/mcpPeer.js, a child process so its memory and CPU are
 * not the service's): the cached tool list and connection status against the floor; a tool call through the API
 * against the SDK client calling the same server directly (same concurrency, interleaved 1-second slices); and the
 * service's RSS per open idle connection after opening BENCH_MCP_IDLE_CONNECTIONS (default 500) of them.
 */
const path = require('node:path');
const { spawn } = require('node:child_process');
const v8 = require('node:v8');
const vm = require('node:vm');
const { Types } = require('mongoose');
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const { InstallationScope, InstallationStatus, McpServerSource, McpTransport } = require('@mcp-registry/data-provider');

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONNECTIONS ?? 10);
const IDLE_CONNECTIONS = Number(process.env.BENCH_MCP_IDLE_CONNECTIONS ?? 500);
const RSS_TARGET_KB = 200;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function startPeer() {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'mcpPeer.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop: async () => (child.kill('SIGTERM'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`mcpPeer exited with ${code} before listening`)));
  });
}

/** Completed calls of `call` by CONCURRENCY callers during `seconds`. */
async function slice(call, seconds) {
  let done = 0;
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < end) {
      try {
        await call();
        done += 1;
      } catch {
        failed += 1;
      }
    }
  };
  const start = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { done, failed, seconds: (Date.now() - start) / 1000 };
}

/** `a` and `b` in alternating 1-second slices after a warm-up; calls per second of each. */
async function interleavedCalls(a, b) {
  await slice(a, 1);
  await slice(b, 1);
  const totals = { a: { done: 0, failed: 0, seconds: 0 }, b: { done: 0, failed: 0, seconds: 0 } };
  for (let i = 0; i < DURATION; i += 1) {
    for (const key of i % 2 === 0 ? ['a', 'b'] : ['b', 'a']) {
      const s = await slice(key === 'a' ? a : b, 1);
      totals[key].done += s.done;
      totals[key].failed += s.failed;
      totals[key].seconds += s.seconds;
    }
  }
  return { a: totals.a, b: totals.b };
}

async function rssAfterGc() {
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  gc();
  return process.memoryUsage().rss;
}

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** RSS growth of this process per open idle connection, each its own (installation, user) on the same server. */
async function rssPerConnection(ctx, org, peerUrl, author) {
  const server = await ctx.methods.insertMcpServer({
    organizationId: org._id,
    serverName: `bench-idle-${Date.now()}`,
    title: 'Bench idle',
    config: { type: McpTransport.STREAMABLE_HTTP, url: peerUrl },
    source: McpServerSource.USER,
    author: author._id,
    viewers: [],
  });
  const targets = [];
  for (let i = 0; i < IDLE_CONNECTIONS; i += 1) {
    const ownerId = new Types.ObjectId();
    const { installation } = await ctx.methods.upsertInstallation({
      organizationId: org._id,
      catalogId: server._id,
      serverName: server.serverName,
      scope: InstallationScope.PERSONAL,
      ownerId,
      installedBy: author._id,
      status: InstallationStatus.ACTIVE,
    });
    targets.push({ installation, server, userId: String(ownerId) });
  }
  const { connections } = ctx.app.services.mcp;
  const before = await rssAfterGc();
  await inBatches(targets, 20, (t) => connections.connect(t));
  const open = connections.size;
  const after = await rssAfterGc();
  connections.closeServer(server._id);
  const kb = (after - before) / 1024 / open;
  return { name: `RSS per open idle MCP connection (${open} open)`, value: Math.round(kb), unit: 'KB', target: `≤ ${RSS_TARGET_KB} KB`, met: kb <= RSS_TARGET_KB };
}

module.exports = {
  async run(ctx) {
    const peer = await startPeer();
    const client = new Client({ name: 'bench-direct', version: '1.0.0' });
    try {
      const org = await ctx.makeOrg();
      const admin = await ctx.makeAdmin(org);
      const user = await ctx.makeUser(org);
      const userAuth = { authorization: `Bearer ${ctx.tokenFor(user)}` };
      const created = await ctx.request('POST', '/api/mcp/servers', {
        headers: userAuth,
        body: { title: 'Bench echo', config: { type: 'streamable-http', url: peer.url } },
      });
      if (created.status !== 201) throw new Error(`creating the server: ${created.status} ${JSON.stringify(created.body)}`);
      const installed = await ctx.request('POST', '/api/mcp_server', { headers: userAuth, body: { catalogId: created.body.id } });
      if (installed.status !== 201) throw new Error(`installing: ${installed.status} ${JSON.stringify(installed.body)}`);
      const name = created.body.serverName;
      const reinit = await ctx.request('POST', `/api/mcp/${name}/reinitialize`, { headers: userAuth });
      if (!reinit.body?.success) throw new Error(`reinitialize: ${JSON.stringify(reinit.body)}`);

      const rows = [
        await ctx.measure('GET /api/mcp/tools (cached tools, 1 server)', { path: '/api/mcp/tools', headers: userAuth }, { target: 0.5 }),
        await ctx.measure('GET /api/mcp/connection/status', { path: '/api/mcp/connection/status', headers: userAuth }, { target: 0.5 }),
      ];

      await client.connect(new StreamableHTTPClientTransport(new URL(peer.url)));
      const body = JSON.stringify({ arguments: { text: 'bench' } });
      const viaApi = async () => {
        const res = await fetch(`${ctx.baseUrl}/api/mcp/${name}/tools/echo/call`, { method: 'POST', headers: { ...userAuth, 'content-type': 'application/json' }, body });
        await res.text();
        if (!res.ok) throw new Error(String(res.status));
      };
      const direct = () => client.callTool({ name: 'echo', arguments: { text: 'bench' } });
      const { a, b } = await interleavedCalls(direct, viaApi);
      const directRate = a.done / a.seconds;
      const apiRate = b.done / b.seconds;
      const ratio = apiRate / directRate;
      rows.push(
        { name: 'tools/call: SDK client direct to the local server', reqPerSec: directRate, ratio: 1, non2xx: a.failed },
        { name: 'POST /api/mcp/:serverName/tools/:toolName/call', reqPerSec: apiRate, ratio, non2xx: b.failed, target: '≥ 0.5 of direct', met: ratio >= 0.5 && b.failed === 0 },
      );
      rows.push(await rssPerConnection(ctx, org, peer.url, admin));
      return rows;
    } finally {
      await client.close().catch(() => undefined);
      await peer.stop();
    }
  },
};
