'use strict';
/**
 * Installations with 10k seeded in one organisation: the admin list, a member's list (own, team and organisation
 * installations: an `$or`), a GET, the idempotent replay of `POST /api/mcp_server` (an admin installing for another
 * user, the Terraform path: reads, writes nothing) and cold installs (each request a new installation).
 * Targets, as ratios to the floor: list and get ≥ 0.5, install (cold) ≥ 0.3.
 */
const { ALL_PERMISSION_BITS, McpServerSource, McpTransport, PermissionBits, PrincipalType, ResourceType } = require('@mcp-registry/data-provider');
const { Types } = require('mongoose');

const SEEDED = Number(process.env.BENCH_INSTALLATIONS ?? 10_000);
/** Servers the cold-install user can install, one per request; more than a row can use. */
const COLD_SERVERS = Number(process.env.BENCH_COLD_SERVERS ?? 3_000);
const USERS = 50;
const BATCH = 200;
const TARGETS = { read: 0.5, coldInstall: 0.3 };

async function makeServer(ctx, owner, shareWith) {
  const name = `bench-inst-${new Types.ObjectId().toHexString()}`;
  const server = await ctx.methods.insertMcpServer({
    organizationId: owner.organizationId,
    serverName: name,
    title: name,
    config: { type: McpTransport.STREAMABLE_HTTP, url: `https://${name}.example.com/mcp` },
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

async function inBatches(count, job) {
  for (let i = 0; i < count; i += BATCH) await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => job(i + j)));
}

/** Personal installations (with their assignment rows) through the real methods, plus one team and one org-wide. */
async function seed(ctx, org, admin, users, team) {
  await inBatches(SEEDED, async (i) => {
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
  const shared = { organizationId: org._id, installedBy: admin._id, status: 'active', ownerId: null };
  await ctx.methods.upsertInstallation({ ...shared, catalogId: new Types.ObjectId(), serverName: 'seeded-team', scope: 'team', teamId: team._id });
  await ctx.methods.upsertInstallation({ ...shared, catalogId: new Types.ObjectId(), serverName: 'seeded-org', scope: 'org', teamId: null });
}

module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const users = [];
    for (let i = 0; i < USERS; i += 1) users.push(await ctx.makeUser(org));
    const [target, member, installer] = users;
    const team = await ctx.methods.createGroup({ organizationId: org._id, name: 'bench-installations-team', members: [{ userId: member._id }] });
    await seed(ctx, org, admin, users, team);
    const server = await makeServer(ctx, admin, [target]);
    const coldServers = [];
    await inBatches(COLD_SERVERS, async () => coldServers.push(String((await makeServer(ctx, admin, [installer]))._id)));

    const adminAuth = { authorization: `Bearer ${ctx.tokenFor(admin)}` };
    const memberAuth = { authorization: `Bearer ${ctx.tokenFor(member)}` };
    const installerAuth = { authorization: `Bearer ${ctx.tokenFor(installer)}` };
    const body = { catalogId: String(server._id), userId: target.id };
    const first = await ctx.request('POST', '/api/mcp_server', { headers: adminAuth, body });
    if (first.status !== 201) throw new Error(`setup install answered ${first.status}: ${JSON.stringify(first.body)}`);
    const memberPage = await ctx.request('GET', '/api/mcp_server?limit=20', { headers: memberAuth });
    const memberInstallation = memberPage.body.data[0].id;

    const replayCommands = await ctx.countDbCommands(() => ctx.request('POST', '/api/mcp_server', { headers: adminAuth, body }));
    const listCommands = await ctx.countDbCommands(() => ctx.request('GET', '/api/mcp_server?limit=20', { headers: memberAuth }));
    const ownedBefore = await ctx.models.McpInstallation.countDocuments({ organizationId: org._id, ownerId: installer._id });
    let next = 0;
    const coldBody = () => ({ catalogId: coldServers[next++ % coldServers.length] });
    const coldCommands = await ctx.countDbCommands(() => ctx.request('POST', '/api/mcp_server', { headers: installerAuth, body: coldBody() }));

    const rows = [
      await ctx.measure(`GET /api/mcp_server?limit=20 (admin, ${SEEDED / 1000}k)`, { path: '/api/mcp_server?limit=20', headers: adminAuth }, { target: TARGETS.read }),
      await ctx.measure(`GET /api/mcp_server?limit=20 (member $or, ${SEEDED / 1000}k)`, { path: '/api/mcp_server?limit=20', headers: memberAuth }, { target: TARGETS.read }),
      await ctx.measure('GET /api/mcp_server/:id (member)', { path: `/api/mcp_server/${memberInstallation}`, headers: memberAuth }, { target: TARGETS.read }),
      await ctx.measure('POST /api/mcp_server replay (admin for user)', { method: 'POST', path: '/api/mcp_server', headers: adminAuth, body }),
      await ctx.measure('POST /api/mcp_server cold (new installation)', { method: 'POST', path: '/api/mcp_server', headers: installerAuth, body: coldBody }, { target: TARGETS.coldInstall }),
    ];
    const created = (await ctx.models.McpInstallation.countDocuments({ organizationId: org._id, ownerId: installer._id })) - ownedBefore;
    console.log(`[installations] db commands: replayed install ${replayCommands} (no write), member list page ${listCommands}, cold install ${coldCommands}`);
    if (next > coldServers.length) console.log(`[installations] cold installs ran out of servers after ${coldServers.length}: later ones were replays`);
    console.log(`[installations] cold installs: ${created} installations created`);
    return rows;
  },
};
