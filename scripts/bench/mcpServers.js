'use strict';
/**
 * Catalog: `GET /api/mcp/servers?limit=20` with 10k servers seeded in one organisation. The caller is a
 * plain user who can see 3k of them (own, shared with their group, public) among 7k private ones of other users;
 * the admin sees all. Target: list and get ≥ 0.5 of the floor; one database command per list request.
 */
const { ALL_PERMISSION_BITS, McpServerSource, McpTransport, PermissionBits, PrincipalType, ResourceType } = require('@mcp-registry/data-provider');
const { principalKey } = require('@mcp-registry/data-schemas');

const SEEDED = Number(process.env.BENCH_SERVERS ?? 10_000);
const AUTHORS = 40;
const BATCH = 200;
const TARGET = 0.5;

/** One server through the real methods: stored with its viewer keys, the author's owner entry and one share. */
async function seedServer(ctx, org, i, world) {
  const kind = i % 10;
  const author = kind === 2 ? world.caller : world.authors[i % world.authors.length];
  const share = kind === 0 ? { type: PrincipalType.PUBLIC } : kind === 1 ? { type: PrincipalType.GROUP, id: String(world.group._id) } : null;
  const orgId = String(org._id);
  const viewers = [principalKey({ type: PrincipalType.USER, id: author.id }, orgId), ...(share ? [principalKey(share, orgId)] : [])];
  const server = await ctx.methods.insertMcpServer({
    organizationId: org._id,
    serverName: `bench-server-${i}`,
    title: `Bench server ${i}`,
    description: `Seeded server number ${i} for the catalog benchmark`,
    config: { type: McpTransport.STREAMABLE_HTTP, url: `https://bench-${i}.example.com/mcp` },
    source: McpServerSource.USER,
    author: author._id,
    viewers,
  });
  const grant = (principal, permBits) =>
    ctx.methods.grantPermission({
      organizationId: org._id,
      principal,
      resourceType: ResourceType.MCP_SERVER,
      resourceId: server._id,
      permBits,
      grantedBy: author._id,
    });
  await grant({ type: PrincipalType.USER, id: author.id }, ALL_PERMISSION_BITS);
  if (share) await grant(share, PermissionBits.VIEW);
}

module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const caller = await ctx.makeUser(org);
    const authors = [];
    for (let i = 0; i < AUTHORS; i += 1) authors.push(await ctx.makeUser(org));
    const group = await ctx.methods.createGroup({ organizationId: org._id, name: 'bench-team', members: [{ userId: caller._id }] });
    const world = { caller, authors, group };
    for (let i = 0; i < SEEDED; i += BATCH) {
      await Promise.all(Array.from({ length: Math.min(BATCH, SEEDED - i) }, (_, j) => seedServer(ctx, org, i + j, world)));
    }

    const callerAuth = { authorization: `Bearer ${ctx.tokenFor(caller)}` };
    const adminAuth = { authorization: `Bearer ${ctx.tokenFor(admin)}` };
    const first = await ctx.request('GET', '/api/mcp/servers?limit=20', { headers: callerAuth });
    if (first.status !== 200 || first.body.data.length !== 20) throw new Error(`setup list answered ${first.status}: ${JSON.stringify(first.body)}`);
    const commands = await ctx.countDbCommands(() => ctx.request('GET', '/api/mcp/servers?limit=20', { headers: callerAuth }));

    const readable = first.body.data[0].serverName;
    const rows = [];
    rows.push(await ctx.measure(`GET /api/mcp/servers?limit=20 (user sees 3k of ${SEEDED / 1000}k)`, { path: '/api/mcp/servers?limit=20', headers: callerAuth }, { target: TARGET }));
    const deep = `/api/mcp/servers?limit=20&after=${encodeURIComponent(first.body.after)}`;
    rows.push(await ctx.measure('GET /api/mcp/servers?limit=20&after=… (user, page 2)', { path: deep, headers: callerAuth }, { target: TARGET }));
    rows.push(await ctx.measure(`GET /api/mcp/servers?limit=20 (admin sees all ${SEEDED / 1000}k)`, { path: '/api/mcp/servers?limit=20', headers: adminAuth }, { target: TARGET }));
    rows.push(await ctx.measure('GET /api/mcp/servers/:serverName (user)', { path: `/api/mcp/servers/${readable}`, headers: callerAuth }, { target: TARGET }));
    console.log(`[mcpServers] one list request issued ${commands} database command(s)`);
    return rows;
  },
};
