import type { IOrganization } from '@mcp-registry/data-schemas';
import { defaultRolePermissions } from '@mcp-registry/data-provider';
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

beforeAll(async () => {
  ctx = await createTestContext('roles-admin');
  ({ orgA, orgB, adminA, adminB, userA } = await makeTwoOrganisations(ctx));
});
afterAll(() => ctx.close());

describe('roles', () => {
  it('every organisation starts with ADMIN and USER and their default permissions', async () => {
    const res = await as(ctx, adminA).get('/api/roles');
    expect(res.body.data.map((r: { name: string }) => r.name)).toEqual(['ADMIN', 'USER']);
    const user = await as(ctx, adminA).get('/api/roles/USER');
    expect(user.body).toEqual(expect.objectContaining({ name: 'USER', system: true, permissions: defaultRolePermissions.USER }));
  });

  it('granting a permission to USER lets its members use that endpoint at once, in that organisation only', async () => {
    expectError(await as(ctx, userA).get('/api/groups'), 403, 'FORBIDDEN');
    const res = await as(ctx, adminA).put('/api/roles/USER/GROUPS', { READ: true });
    expect(res.status).toBe(200);
    expect(res.body.permissions.GROUPS).toEqual({ READ: true });
    expect(res.body.permissions.MCP_SERVERS).toEqual(defaultRolePermissions.USER.MCP_SERVERS);
    expect((await as(ctx, userA).get('/api/groups')).status).toBe(200);
    const stored = await ctx.methods.findRole(orgB._id, 'USER');
    expect(stored?.permissions.GROUPS).toBeUndefined();
    await as(ctx, adminA).put('/api/roles/USER/GROUPS', { READ: false });
    expectError(await as(ctx, userA).get('/api/groups'), 403, 'FORBIDDEN');
  });

  it('answers 400 for a permission that does not exist for the type, a non-boolean, or an unknown type', async () => {
    const wrongPerm = await as(ctx, adminA).put('/api/roles/USER/MCP_SERVERS', { DELETE: true });
    expectError(wrongPerm, 400, 'VALIDATION_FAILED');
    expect(detailFields(await as(ctx, adminA).put('/api/roles/USER/MCP_SERVERS', { USE: 'yes' }))).toContain('USE');
    expect(detailFields(await as(ctx, adminA).put('/api/roles/USER/EVERYTHING', { USE: true }))).toContain('permissionType');
    expect(detailFields(await as(ctx, adminA).put('/api/roles/USER/MCP_SERVERS', { HACK: true }))).toContain('HACK');
    expect((await ctx.methods.findRole(orgA._id, 'USER'))?.permissions.MCP_SERVERS).toEqual(defaultRolePermissions.USER.MCP_SERVERS);
  });

  it('refuses to change the ADMIN role (409) and answers 404 for an unknown role', async () => {
    expectError(await as(ctx, adminA).put('/api/roles/ADMIN/USERS', { READ: false }), 409, 'CONFLICT');
    expectError(await as(ctx, adminA).put('/api/roles/AUDITOR/USERS', { READ: true }), 404, 'NOT_FOUND');
    expectError(await as(ctx, adminA).get('/api/roles/AUDITOR'), 404, 'NOT_FOUND');
    expect(detailFields(await as(ctx, adminA).get('/api/roles/lower'))).toEqual(['name']);
  });

  it('creates a custom role that users can then be given; a duplicate name is 409', async () => {
    const created = await as(ctx, adminA).post('/api/roles', { name: 'AUDITOR', permissions: { AUDIT: { READ: true } } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(expect.objectContaining({ name: 'AUDITOR', system: false, permissions: { AUDIT: { READ: true } } }));
    expectError(await as(ctx, adminA).post('/api/roles', { name: 'AUDITOR' }), 409, 'CONFLICT');
    const auditor = await ctx.makeUser(orgA, { role: 'AUDITOR' });
    expect((await as(ctx, auditor).get('/api/admin/audit')).status).toBe(200);
    expectError(await as(ctx, auditor).get('/api/users'), 403, 'FORBIDDEN');
    expectError(await as(ctx, adminB).get('/api/roles/AUDITOR'), 404, 'NOT_FOUND');
  });

  it('answers 400 for a malformed custom role', async () => {
    const res = await as(ctx, adminA).post('/api/roles', { name: 'bad name', permissions: { NOPE: {} } });
    expect(detailFields(res)).toEqual(expect.arrayContaining(['name', 'permissions']));
  });

  it('a USER gets 403 on the role endpoints', async () => {
    expectError(await as(ctx, userA).get('/api/roles'), 403, 'FORBIDDEN');
    expectError(await as(ctx, userA).put('/api/roles/USER/USERS', { READ: true }), 403, 'FORBIDDEN');
    expectError(await as(ctx, userA).post('/api/roles', { name: 'MINE' }), 403, 'FORBIDDEN');
  });
});
