'use strict';
/**
 * Installations: `GET /api/mcp_server?limit=20` with 10k installations seeded, and the idempotent replay
 * of `POST /api/mcp_server` (an admin installing for another user, the Terraform path). Targets: list ≥ 0.4 and
 * replay ≥ 0.35 of the bare route; ≤ 2 database commands per list and ≤ 4 per replayed install.
 */
const { ALL_PERMISSION_BITS, McpServerSource, McpTransport, PermissionBits, PrincipalType, ResourceType } = require('@mcp-registry/data-provider');
const { Types } = require('mongoose');

const SEEDED = Number(process.env.BENCH_INSTALLATIONS ?? 10_000);
const USERS = 50;
const BATCH = 200;
const TARGETS = { list: { ratio: 0.4, commands: 2 }, replay: { ratio: 0.35, commands: 4 } };

async function makeServer(ctx, owner, shareWith) {
  const name = `bench-inst-${new Types.ObjectId().toHexString()}`;
  const server = await ctx.methods.insertMcpServer({
    organizationId: owner.organizationId,
    serverName: name,
    title: name,
    config: { type: McpTransport.STREAMABLE_HTTP, url: `https://${name}.example.test/mcp` },
    source: McpServerSource.USER,
    author: owner._id,
    viewers: [`${PrincipalType.USER}:${owner.id}`],
  });
  const grant = (id, permBits) =>
    ctx.methods.grantPermission({
      organizationId: owner.organizationId,
      principal: { type: PrincipalType.USER, id },
      resourceType: ResourceType.MCP_SERVER,
      resourceId: server._id,
      permBits,
    });
  await grant(owner.id, ALL_PERMISSION_BITS);
  for (const u of shareWith) await grant(u.id, PermissionBits.VIEW);
  return server;
}

/** 10k personal installations (with their assignment rows) through the real methods, in parallel batches. */
async function seed(ctx, org, admin, users) {
  const jobs = Array.from({ length: SEEDED }, (_, i) => async () => {
    const owner = users[i % users.length];
    const { installation } = await ctx.methods.upsertInstallation({
      organizationId: org._id,
      catalogId: new Types.ObjectId(),
      serverName: `seeded-${i}`,
      scope: 'personal',
      ownerId: owner._id,
      installedBy: admin._id,
      status: 'active',
    });
    await ctx.methods.assignUserToInstallation({ organizationId: org._id, installationId: installation._id, userId: owner._id });
  });
  for (let i = 0; i < jobs.length; i += BATCH) await Promise.all(jobs.slice(i, i + BATCH).map((job) => job()));
}

function verdict(row, target) {
  const ok = row.ratio >= target.ratio && row.dbCommandsPerRequest <= target.commands;
  return `${row.name}: ratio ${row.ratio.toFixed(2)} (target ≥ ${target.ratio}), ${row.dbCommandsPerRequest.toFixed(2)} db commands/request (target ≤ ${target.commands}) → ${ok ? 'met' : 'NOT met'}`;
}

module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const users = [];
    for (let i = 0; i < USERS; i += 1) users.push(await ctx.makeUser(org));
    const [target, member] = users;
    await seed(ctx, org, admin, users);
    const server = await makeServer(ctx, admin, [target]);
    const adminAuth = { authorization: `Bearer ${ctx.tokenFor(admin)}` };
    const memberAuth = { authorization: `Bearer ${ctx.tokenFor(member)}` };
    const body = { catalogId: String(server._id), userId: target.id };
    const first = await ctx.request('POST', '/api/mcp_server', { headers: adminAuth, body });
    if (first.status !== 201) throw new Error(`setup install answered ${first.status}: ${JSON.stringify(first.body)}`);

    const replayCommands = await ctx.countDbCommands(() => ctx.request('POST', '/api/mcp_server', { headers: adminAuth, body }));
    const listCommands = await ctx.countDbCommands(() => ctx.request('GET', '/api/mcp_server?limit=20', { headers: adminAuth }));
    const list = await ctx.measure(`GET /api/mcp_server?limit=20 (admin, ${SEEDED / 1000}k seeded)`, { path: '/api/mcp_server?limit=20', headers: adminAuth });
    const memberList = await ctx.measure('GET /api/mcp_server?limit=20 (member: own+team+org)', { path: '/api/mcp_server?limit=20', headers: memberAuth });
    const replay = await ctx.measure('POST /api/mcp_server replay (admin for user)', { method: 'POST', path: '/api/mcp_server', headers: adminAuth, body });

    console.log(`[installations] one replayed install: ${replayCommands} db commands; one list page: ${listCommands}`);
    console.log(`[installations] ${verdict(list, TARGETS.list)}`);
    console.log(`[installations] ${verdict(memberList, TARGETS.list)}`);
    console.log(`[installations] ${verdict(replay, TARGETS.replay)}`);
    return [list, memberList, replay];
  },
};
