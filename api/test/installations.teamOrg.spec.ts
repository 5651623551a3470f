import { Types } from 'mongoose';
import { GroupMemberRole, InstallationScope, Permissions } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { expectError } from './support/expectError';
import { expectFullShape, installationFixtures, installationOf } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;

beforeAll(async () => {
  ctx = await createTestContext('installations-teamOrg');
  f = installationFixtures(ctx);
});
afterAll(() => ctx.close());

async function world() {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const lead = await ctx.makeUser(org);
  const member = await ctx.makeUser(org);
  const updaterRole = await f.makeRole(org, {
    MCP_SERVERS: { [Permissions.USE]: true },
    MCP_SERVER_INSTALLATIONS: { [Permissions.READ]: true, [Permissions.CREATE]: true, [Permissions.UPDATE]: true },
  });
  const updater = await ctx.makeUser(org, { role: updaterRole });
  const outsiderUpdater = await ctx.makeUser(org, { role: updaterRole });
  const group = await ctx.makeGroup(org, [member, updater]);
  await ctx.methods.upsertGroupMember(org._id, group._id, lead._id, GroupMemberRole.ADMIN);
  const server = await f.makeServer(admin, { shareWith: [lead, member, updater, outsiderUpdater] });
  return { org, admin, lead, member, updater, outsiderUpdater, group, server, catalogId: String(server._id), teamId: String(group._id) };
}

describe('team installations', () => {
  it('a group admin installs for the team: 201 with teamId and teamDetails, no owner and no assigned users', async () => {
    const w = await world();

    const res = await f.api.install(w.lead, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId });

    expect(res.status).toBe(201);
    expectFullShape(installationOf(res));
    expect(installationOf(res)).toMatchObject({
      scope: InstallationScope.TEAM,
      ownerId: null,
      teamId: w.teamId,
      teamDetails: { id: w.teamId, name: w.group.name },
      installedBy: w.lead.id,
      users: [],
      userDetails: [],
    });
    expect((await f.api.get(w.member, installationOf(res).id)).body).toEqual(res.body);
    expect(await f.raw.assignments({ installationId: new Types.ObjectId(installationOf(res).id) })).toHaveLength(0);
  });

  it('duplicates are keyed on the team: a second install by another member answers 200 with the same id', async () => {
    const w = await world();
    const first = await f.api.install(w.lead, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId });

    const second = await f.api.install(w.updater, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId });

    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(1);
  });

  it('a member whose role holds UPDATE may install for the team', async () => {
    const w = await world();

    const res = await f.api.install(w.updater, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId });

    expect(res.status).toBe(201);
  });

  it('a plain member (no UPDATE, not group admin) gets 403 and nothing is created', async () => {
    const w = await world();

    const res = await f.api.install(w.member, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId });

    expectError(res, 403, 'FORBIDDEN');
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(0);
  });

  it('holding UPDATE without being a member gets 403', async () => {
    const w = await world();

    expectError(await f.api.install(w.outsiderUpdater, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId }), 403, 'FORBIDDEN');
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(0);
  });

  it('an installation ADMIN holder who is not a member installs for any group of the organisation and removes it', async () => {
    const w = await world();
    expect(w.group.members.map((m) => String(m.userId))).not.toContain(w.admin.id);

    const res = await f.api.install(w.admin, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId });

    expect(res.status).toBe(201);
    expect(installationOf(res)).toMatchObject({ scope: InstallationScope.TEAM, teamId: w.teamId, installedBy: w.admin.id });
    expect((await f.api.get(w.member, installationOf(res).id)).status).toBe(200);
    expect((await f.api.remove(w.admin, installationOf(res).id)).status).toBe(204);
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(0);
  });

  it('a custom role holding installation ADMIN may remove a team installation a group admin made', async () => {
    const w = await world();
    const adminRole = await f.makeRole(w.org, {
      MCP_SERVERS: { [Permissions.USE]: true },
      MCP_SERVER_INSTALLATIONS: { [Permissions.READ]: true, [Permissions.DELETE]: true, [Permissions.ADMIN]: true },
    });
    const operator = await ctx.makeUser(w.org, { role: adminRole });
    const created = installationOf(await f.api.install(w.lead, { catalogId: w.catalogId, scope: 'team', teamId: w.teamId }));

    expect((await f.api.remove(operator, created.id)).status).toBe(204);
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(0);
  });

  it('a group of another organisation stays 404 for an installation ADMIN holder', async () => {
    const w = await world();
    const foreignOrg = await ctx.makeOrg();
    const foreignGroup = await ctx.makeGroup(foreignOrg, [await ctx.makeUser(foreignOrg)]);

    const res = await f.api.install(w.admin, { catalogId: w.catalogId, scope: 'team', teamId: String(foreignGroup._id) });

    expect(expectError(res, 404, 'NOT_FOUND').message).toBe('Group not found');
    expect(await f.raw.installations({ teamId: foreignGroup._id })).toHaveLength(0);
  });

  it('an unknown group and a group of another organisation are 404', async () => {
    const w = await world();
    const foreignOrg = await ctx.makeOrg();
    const foreignGroup = await ctx.makeGroup(foreignOrg, [await ctx.makeUser(foreignOrg)]);

    const unknown = await f.api.install(w.lead, { catalogId: w.catalogId, scope: 'team', teamId: new Types.ObjectId().toHexString() });
    const foreign = await f.api.install(w.lead, { catalogId: w.catalogId, scope: 'team', teamId: String(foreignGroup._id) });

    expect(expectError(unknown, 404, 'NOT_FOUND').message).toBe('Group not found');
    expect(expectError(foreign, 404, 'NOT_FOUND').message).toBe('Group not found');
  });

  it('a server the caller cannot see is 404 for team scope too', async () => {
    const w = await world();
    const hidden = await f.makeServer(w.admin);

    expectError(await f.api.install(w.lead, { catalogId: String(hidden._id), scope: 'team', teamId: w.teamId }), 404, 'NOT_FOUND');
  });
});

describe('organisation-wide installations', () => {
  it('an ADMIN holder installs for the organisation; a repeat answers 200 with the same id', async () => {
    const w = await world();

    const first = await f.api.install(w.admin, { catalogId: w.catalogId, scope: 'org' });
    const again = await f.api.install(w.admin, { catalogId: w.catalogId, scope: 'org' });

    expect(first.status).toBe(201);
    expect(installationOf(first)).toMatchObject({ scope: 'org', ownerId: null, teamId: null, teamDetails: null, users: [], installedBy: w.admin.id });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await f.raw.installations({ scope: 'org', catalogId: w.server._id })).toHaveLength(1);
  });

  it('a custom role holding ADMIN may install for the organisation', async () => {
    const w = await world();
    const role = await f.makeRole(w.org, {
      MCP_SERVERS: { [Permissions.USE]: true },
      MCP_SERVER_INSTALLATIONS: { [Permissions.CREATE]: true, [Permissions.ADMIN]: true },
    });
    const provisioner = await ctx.makeUser(w.org, { role });
    await f.share(w.server, 'user', provisioner.id, 1);

    expect((await f.api.install(provisioner, { catalogId: w.catalogId, scope: 'org' })).status).toBe(201);
  });

  it('without ADMIN, org scope is 403 (even with UPDATE) and nothing is created', async () => {
    const w = await world();

    expectError(await f.api.install(w.member, { catalogId: w.catalogId, scope: 'org' }), 403, 'FORBIDDEN');
    expectError(await f.api.install(w.updater, { catalogId: w.catalogId, scope: 'org' }), 403, 'FORBIDDEN');
    expect(await f.raw.installations({ scope: 'org', catalogId: w.server._id })).toHaveLength(0);
  });
});
