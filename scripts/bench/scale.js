'use strict';
/**
 * List latency as the installations collection grows: the same two list shapes in an organisation of 1k
 * installations and in one of 100k (BENCH_SCALE), interleaved. In both, the member owns the same 30 personal
 * installations and sees one team and one organisation-wide installation; everything else belongs to others.
 * Target: mean latency at 100k ≤ 1.3 × at 1k (autocannon's percentiles are whole milliseconds), for the admin list (`organizationId`, newest first) and the member's
 * visibility `$or`. Bulk seeding goes straight through the models (insertMany) to keep the setup short.
 */
const { Types } = require('mongoose');

const LARGE = Number(process.env.BENCH_SCALE ?? 100_000);
const SMALL = 1_000;
const OWN = 30;
const CHUNK = 5_000;
const TARGET = 1.3;

async function seedOrganisation(ctx, size) {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const member = await ctx.makeUser(org);
  const others = [];
  for (let i = 0; i < 5; i += 1) others.push(await ctx.makeUser(org));
  const team = await ctx.methods.createGroup({ organizationId: org._id, name: `scale-team-${size}`, members: [{ userId: member._id }] });
  const now = new Date();
  const installation = (i, fields) => ({
    _id: new Types.ObjectId(),
    organizationId: org._id,
    catalogId: new Types.ObjectId(),
    serverName: `scale-${size}-${i}`,
    installedBy: admin._id,
    customUserVars: null,
    customUserVarNames: [],
    status: 'active',
    teamId: null,
    ownerId: null,
    userIds: [],
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
  const personal = (i, owner) => installation(i, { scope: 'personal', ownerId: owner._id, userIds: [owner._id] });
  const docs = (from, to) =>
    Array.from({ length: to - from }, (_, k) => {
      const i = from + k;
      if (i < OWN) return personal(i, member);
      if (i === OWN) return installation(i, { scope: 'team', teamId: team._id });
      if (i === OWN + 1) return installation(i, { scope: 'org' });
      return personal(i, others[i % others.length]);
    });
  for (let from = 0; from < size; from += CHUNK) {
    const batch = docs(from, Math.min(size, from + CHUNK));
    await ctx.models.McpInstallation.insertMany(batch, { lean: true });
    const assignments = batch.filter((d) => d.ownerId).map((d) => ({ organizationId: org._id, installationId: d._id, userId: d.ownerId, createdAt: now }));
    await ctx.models.McpServerUser.insertMany(assignments, { lean: true });
  }
  return { admin: { authorization: `Bearer ${ctx.tokenFor(admin)}` }, member: { authorization: `Bearer ${ctx.tokenFor(member)}` } };
}

function growth(shape, small, large) {
  const factor = large.mean / small.mean;
  return { name: `  ${shape}: mean latency at ${LARGE / 1000}k ÷ at ${SMALL / 1000}k`, value: factor.toFixed(2), unit: '×', target: `≤ ${TARGET}`, met: factor <= TARGET };
}

module.exports = {
  async run(ctx) {
    const started = Date.now();
    const small = await seedOrganisation(ctx, SMALL);
    const large = await seedOrganisation(ctx, LARGE);
    console.log(`[scale] seeded ${SMALL + LARGE} installations in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const rows = [];
    for (const who of ['admin', 'member']) {
      const shape = who === 'admin' ? 'admin' : 'member $or';
      const [a, b] = await ctx.measurePair(
        { name: `GET /api/mcp_server?limit=20 (${shape}, ${SMALL / 1000}k)`, request: { path: '/api/mcp_server?limit=20', headers: small[who] } },
        { name: `GET /api/mcp_server?limit=20 (${shape}, ${LARGE / 1000}k)`, request: { path: '/api/mcp_server?limit=20', headers: large[who] } },
      );
      rows.push({ ...a, ratio: undefined }, { ...b, ratio: undefined }, growth(shape, a, b));
    }
    return rows;
  },
};
