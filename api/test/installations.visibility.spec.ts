import request from 'supertest';
import { AuditAction, GroupMemberRole } from '@mcp-registry/data-provider';
import type { InstallationDto, ListResponse } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { expectError } from './support/expectError';
import { expectFullShape, installationFixtures, installationOf } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;

beforeAll(async () => {
  ctx = await createTestContext('installations-visibility');
  f = installationFixtures(ctx);
});
afterAll(() => ctx.close());

/** An organisation with an admin, an owner, a teammate of the owner, an unrelated member and another organisation. */
async function world() {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const owner = await ctx.makeUser(org);
  const teammate = await ctx.makeUser(org);
  const other = await ctx.makeUser(org);
  const group = await ctx.makeGroup(org, [owner, teammate]);
  await ctx.methods.upsertGroupMember(org._id, group._id, admin._id, GroupMemberRole.ADMIN);
  const foreignAdmin = await ctx.makeAdmin(await ctx.makeOrg());
  const server = await f.makeServer(admin, { shareWith: [owner, teammate, other] });
  const catalogId = String(server._id);
  const personal = installationOf(await f.api.install(admin, { catalogId, userId: owner.id }));
  const team = installationOf(await f.api.install(admin, { catalogId, scope: 'team', teamId: String(group._id) }).then(expectCreated));
  const orgWide = installationOf(await f.api.install(admin, { catalogId, scope: 'org' }).then(expectCreated));
  return { org, admin, owner, teammate, other, group, foreignAdmin, server, catalogId, personal, team, orgWide };
}

function expectCreated(res: request.Response): request.Response {
  if (res.status !== 201) throw new Error(`Expected 201, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

const ids = (res: request.Response) => (res.body as ListResponse<InstallationDto>).data.map((i) => i.id);

describe('who sees an installation made for someone else', () => {
  it('GET: the owner and the admin get 200, another member and another organisation 404', async () => {
    const w = await world();

    const byOwner = await f.api.get(w.owner, w.personal.id);
    const byAdmin = await f.api.get(w.admin, w.personal.id);

    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toEqual(w.personal);
    expect(byAdmin.body).toEqual(w.personal);
    expectError(await f.api.get(w.other, w.personal.id), 404, 'NOT_FOUND');
    expectError(await f.api.get(w.teammate, w.personal.id), 404, 'NOT_FOUND');
    expectError(await f.api.get(w.foreignAdmin, w.personal.id), 404, 'NOT_FOUND');
  });

  it('GET: team installs are visible to the group, org installs to the whole organisation only', async () => {
    const w = await world();

    expect((await f.api.get(w.teammate, w.team.id)).body).toEqual(w.team);
    expectError(await f.api.get(w.other, w.team.id), 404, 'NOT_FOUND');
    expect((await f.api.get(w.other, w.orgWide.id)).body).toEqual(w.orgWide);
    expectError(await f.api.get(w.foreignAdmin, w.team.id), 404, 'NOT_FOUND');
    expectError(await f.api.get(w.foreignAdmin, w.orgWide.id), 404, 'NOT_FOUND');
  });

  it('list: each caller sees exactly what they may, in the full shape', async () => {
    const w = await world();

    const owner = await f.api.list(w.owner);
    const teammate = await f.api.list(w.teammate);
    const other = await f.api.list(w.other);
    const admin = await f.api.list(w.admin);
    const foreign = await f.api.list(w.foreignAdmin);

    expect(ids(owner).sort()).toEqual([w.personal.id, w.team.id, w.orgWide.id].sort());
    expect(ids(teammate).sort()).toEqual([w.team.id, w.orgWide.id].sort());
    expect(ids(other)).toEqual([w.orgWide.id]);
    expect(ids(admin).sort()).toEqual([w.personal.id, w.team.id, w.orgWide.id].sort());
    expect(ids(foreign)).toEqual([]);
    const listed = (owner.body as ListResponse<InstallationDto>).data;
    listed.forEach(expectFullShape);
    expect(listed.find((i) => i.id === w.personal.id)).toEqual(w.personal);
    expect(listed.find((i) => i.id === w.team.id)).toEqual(w.team);
  });

  it('list filters by catalogId, userId and scope', async () => {
    const w = await world();
    const second = await f.makeServer(w.admin, { shareWith: [w.other] });
    const otherInstall = installationOf(await f.api.install(w.admin, { catalogId: String(second._id), userId: w.other.id }));

    expect(ids(await f.api.list(w.admin, { catalogId: w.catalogId })).sort()).toEqual([w.personal.id, w.team.id, w.orgWide.id].sort());
    expect(ids(await f.api.list(w.admin, { userId: w.owner.id }))).toEqual([w.personal.id]);
    expect(ids(await f.api.list(w.admin, { userId: w.other.id }))).toEqual([otherInstall.id]);
    expect(ids(await f.api.list(w.admin, { userId: w.owner.id, catalogId: String(second._id) }))).toEqual([]);
    expect(ids(await f.api.list(w.admin, { scope: 'team', catalogId: w.catalogId }))).toEqual([w.team.id]);
    expect(ids(await f.api.list(w.admin, { scope: 'org', userId: w.owner.id }))).toEqual([]);
    expect(ids(await f.api.list(w.other, { userId: w.owner.id }))).toEqual([]);
    expect(ids(await f.api.list(w.other, { scope: 'personal' }))).toEqual([otherInstall.id]);
  });

  it('list pages newest first with limit and after, each installation exactly once', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const users = await Promise.all(Array.from({ length: 25 }, () => ctx.makeUser(org)));
    const server = await f.makeServer(admin, { shareWith: users });
    const created: string[] = [];
    for (const u of users) created.push(installationOf(await f.api.install(admin, { catalogId: String(server._id), userId: u.id })).id);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await f.api.list(admin, { limit: 10, ...(after ? { after } : {}) });
      const page = res.body as ListResponse<InstallationDto>;
      seen.push(...page.data.map((i) => i.id));
      expect(page.has_more).toBe(page.after !== null);
      after = page.after;
      pages += 1;
    } while (after);

    expect(pages).toBe(3);
    expect(seen).toEqual([...created].reverse());
  });
});

describe('DELETE /api/mcp_server/:id', () => {
  it('another member and another organisation get 404 and nothing is removed', async () => {
    const w = await world();

    expectError(await f.api.remove(w.other, w.personal.id), 404, 'NOT_FOUND');
    expectError(await f.api.remove(w.foreignAdmin, w.personal.id), 404, 'NOT_FOUND');
    expectError(await f.api.remove(w.foreignAdmin, w.orgWide.id), 404, 'NOT_FOUND');
    expect(await f.raw.installations({ catalogId: w.server._id })).toHaveLength(3);
  });

  it('the owner removes it with its assignments; a second DELETE and a later GET are 404', async () => {
    const w = await world();

    const res = await f.api.remove(w.owner, w.personal.id);

    expect(res.status).toBe(204);
    expect(await f.raw.installations({ ownerId: w.owner._id })).toHaveLength(0);
    expect(await f.raw.assignments({ userId: w.owner._id })).toHaveLength(0);
    expectError(await f.api.remove(w.owner, w.personal.id), 404, 'NOT_FOUND');
    expectError(await f.api.get(w.admin, w.personal.id), 404, 'NOT_FOUND');
    const audit = await f.raw.audit({ action: AuditAction.INSTALLATION_DELETE, targetId: w.personal.id });
    expect(audit).toHaveLength(1);
    expect(String(audit[0]?.actorId)).toBe(w.owner.id);
  });

  it('an admin removes an installation made for someone else', async () => {
    const w = await world();

    expect((await f.api.remove(w.admin, w.personal.id)).status).toBe(204);
    expect(await f.raw.installations({ ownerId: w.owner._id })).toHaveLength(0);
    expect(ids(await f.api.list(w.owner))).not.toContain(w.personal.id);
  });

  it('a team member without UPDATE gets 403 for the team install; a group admin removes it', async () => {
    const w = await world();
    await ctx.methods.upsertGroupMember(w.org._id, w.group._id, w.owner._id, GroupMemberRole.ADMIN);

    expectError(await f.api.remove(w.teammate, w.team.id), 403, 'FORBIDDEN');
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(1);
    expect((await f.api.remove(w.owner, w.team.id)).status).toBe(204);
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(0);
  });

  it('a member without ADMIN gets 403 for the org install; an admin removes it', async () => {
    const w = await world();

    expectError(await f.api.remove(w.other, w.orgWide.id), 403, 'FORBIDDEN');
    expect((await f.api.remove(w.admin, w.orgWide.id)).status).toBe(204);
    expect(await f.raw.installations({ scope: 'org', catalogId: w.server._id })).toHaveLength(0);
  });
});

describe('deleting users and groups through the admin API', () => {
  it("deleting a user removes their personal installations and assignments, and nobody else's", async () => {
    const w = await world();

    const res = await request(ctx.app).delete(`/api/users/${w.owner.id}`).set('Authorization', `Bearer ${ctx.tokenFor(w.admin)}`);

    expect(res.status).toBe(204);
    expect(await f.raw.installations({ ownerId: w.owner._id })).toHaveLength(0);
    expect(await f.raw.assignments({ userId: w.owner._id })).toHaveLength(0);
    expect(await f.raw.installations({ catalogId: w.server._id })).toHaveLength(2);
  });

  it('deleting a group removes its team installations', async () => {
    const w = await world();

    const res = await request(ctx.app).delete(`/api/groups/${String(w.group._id)}`).set('Authorization', `Bearer ${ctx.tokenFor(w.admin)}`);

    expect(res.status).toBe(204);
    expect(await f.raw.installations({ teamId: w.group._id })).toHaveLength(0);
    expectError(await f.api.get(w.admin, w.team.id), 404, 'NOT_FOUND');
    expect(await f.raw.installations({ catalogId: w.server._id })).toHaveLength(2);
  });
});
