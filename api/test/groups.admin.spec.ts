import type { IOrganization } from '@mcp-registry/data-schemas';
import { AuditAction } from '@mcp-registry/data-provider';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { makeTwoOrganisations } from './support/twoOrganisations';
import { detailFields, expectError } from './support/expectError';

let ctx: TestContext;
let orgA: IOrganization;
let orgB: IOrganization;
let adminA: TestUser;
let adminB: TestUser;
let userA: TestUser;
let userB: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('groups-admin');
  ({ orgA, orgB, adminA, adminB, userA } = await makeTwoOrganisations(ctx));
  userB = await ctx.makeUser(orgB);
});
afterAll(() => ctx.close());

describe('group CRUD', () => {
  it('an admin creates a group with members; GET returns the same resource', async () => {
    const res = await as(ctx, adminA).post('/api/groups', { name: 'Platform', description: 'infra', members: [{ userId: userA.id, role: 'admin' }] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(expect.objectContaining({ name: 'Platform', description: 'infra', members: [{ userId: userA.id, role: 'admin' }] }));
    const get = await as(ctx, adminA).get(`/api/groups/${res.body.id}`);
    expect(get.body).toEqual(res.body);
    expect((await ctx.methods.listGroupIdsForUser(userA._id)).map(String)).toContain(res.body.id);
  });

  it('answers 409 for a name already used in the organisation, but allows it in another one', async () => {
    await as(ctx, adminA).post('/api/groups', { name: 'Dup' });
    expectError(await as(ctx, adminA).post('/api/groups', { name: 'Dup' }), 409, 'CONFLICT');
    expect((await as(ctx, adminB).post('/api/groups', { name: 'Dup' })).status).toBe(201);
  });

  it('answers 404 when a member belongs to another organisation, and creates nothing', async () => {
    const res = await as(ctx, adminA).post('/api/groups', { name: 'Mixed', members: [{ userId: userB.id }] });
    expectError(res, 404, 'NOT_FOUND');
    expect((await ctx.methods.listGroups({ organizationId: orgA._id, search: 'Mixed' })).data).toEqual([]);
  });

  it('answers 400 naming every invalid field', async () => {
    const res = await as(ctx, adminA).post('/api/groups', { name: '', members: [{ userId: 'nope', role: 'owner' }], color: 'red' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(expect.arrayContaining(['name', 'members[0].userId', 'members[0].role', 'color']));
  });

  it('renames a group and deletes it; deleting twice is 404', async () => {
    const created = await as(ctx, adminA).post('/api/groups', { name: 'Temp', members: [{ userId: userA.id }] });
    const renamed = await as(ctx, adminA).patch(`/api/groups/${created.body.id}`, { name: 'Temp2' });
    expect(renamed.body.name).toBe('Temp2');
    expect((await as(ctx, adminA).delete(`/api/groups/${created.body.id}`)).status).toBe(204);
    expect(await ctx.methods.findGroupInOrg(orgA._id, created.body.id)).toBeNull();
    expectError(await as(ctx, adminA).delete(`/api/groups/${created.body.id}`), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminA).get(`/api/groups/${created.body.id}`), 404, 'NOT_FOUND');
    const audit = await ctx.methods.listAuditEntries({ organizationId: orgA._id, action: AuditAction.GROUP_DELETE });
    expect(audit.data[0]?.targetId).toBe(created.body.id);
  });

  it('lists groups with paging and a name prefix search', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    for (const name of ['alpha', 'beta', 'alps']) await as(ctx, admin).post('/api/groups', { name });
    const page = await as(ctx, admin).get('/api/groups?limit=2');
    expect(page.body.data.map((g: { name: string }) => g.name)).toEqual(['alps', 'beta']);
    expect(page.body.has_more).toBe(true);
    const search = await as(ctx, admin).get('/api/groups?search=al');
    expect(search.body.data.map((g: { name: string }) => g.name).sort()).toEqual(['alpha', 'alps']);
  });
});

describe('organisation isolation and permissions', () => {
  it('an admin of organisation A gets 404 for a group of organisation B on every endpoint', async () => {
    const groupB = await ctx.makeGroup(orgB, [userB]);
    const id = String(groupB._id);
    expectError(await as(ctx, adminA).get(`/api/groups/${id}`), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminA).patch(`/api/groups/${id}`, { name: 'hijack' }), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminA).delete(`/api/groups/${id}`), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminA).post(`/api/groups/${id}/members`, { userId: adminA.id }), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminA).delete(`/api/groups/${id}/members/${userB.id}`), 404, 'NOT_FOUND');
    const after = await ctx.methods.findGroupInOrg(orgB._id, groupB._id);
    expect(after?.name).toBe(groupB.name);
    expect(after?.members.map((m) => String(m.userId))).toEqual([userB.id]);
  });

  it('a USER gets 403 on the group admin endpoints', async () => {
    const group = await ctx.makeGroup(orgA);
    expectError(await as(ctx, userA).get('/api/groups'), 403, 'FORBIDDEN');
    expectError(await as(ctx, userA).post('/api/groups', { name: 'mine' }), 403, 'FORBIDDEN');
    expectError(await as(ctx, userA).post(`/api/groups/${String(group._id)}/members`, { userId: userA.id }), 403, 'FORBIDDEN');
  });
});

describe('members', () => {
  it('adds a member, changes their member role, and removes them', async () => {
    const group = await ctx.makeGroup(orgA);
    const id = String(group._id);
    const added = await as(ctx, adminA).post(`/api/groups/${id}/members`, { userId: userA.id });
    expect(added.body.members).toEqual([{ userId: userA.id, role: 'member' }]);
    const again = await as(ctx, adminA).post(`/api/groups/${id}/members`, { userId: userA.id, role: 'admin' });
    expect(again.body.members).toEqual([{ userId: userA.id, role: 'admin' }]);
    const removed = await as(ctx, adminA).delete(`/api/groups/${id}/members/${userA.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members).toEqual([]);
    expectError(await as(ctx, adminA).delete(`/api/groups/${id}/members/${userA.id}`), 404, 'NOT_FOUND');
    expect((await ctx.methods.findGroupInOrg(orgA._id, id))?.members).toEqual([]);
  });

  it('answers 404 for adding a user of another organisation and 400 for a malformed user id', async () => {
    const group = await ctx.makeGroup(orgA);
    const id = String(group._id);
    expectError(await as(ctx, adminA).post(`/api/groups/${id}/members`, { userId: userB.id }), 404, 'NOT_FOUND');
    const bad = await as(ctx, adminA).post(`/api/groups/${id}/members`, { userId: '123' });
    expect(detailFields(bad)).toEqual(['userId']);
    expect(detailFields(await as(ctx, adminA).post(`/api/groups/${id}/members`, {}))).toEqual(['userId']);
    expect((await ctx.methods.findGroupInOrg(orgA._id, id))?.members).toEqual([]);
  });
});
