import type { IOrganization } from '@mcp-registry/data-schemas';
import { AuditAction } from '@mcp-registry/data-provider';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let user: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('audit-admin');
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  user = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

describe('GET /api/admin/audit', () => {
  it('lists what admins did, newest first, with actor, target and request id', async () => {
    const created = await as(ctx, admin).post('/api/groups', { name: 'audited' }).set('X-Request-Id', 'req-audit-1');
    const res = await as(ctx, admin).get('/api/admin/audit');
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toEqual(
      expect.objectContaining({
        action: AuditAction.GROUP_CREATE,
        actorId: admin.id,
        targetType: 'group',
        targetId: created.body.id,
        requestId: 'req-audit-1',
        organizationId: String(org._id),
      }),
    );
  });

  it('filters by action and actor, and pages with a cursor', async () => {
    for (let i = 0; i < 3; i += 1) await as(ctx, admin).post('/api/groups', { name: `g${i}` });
    const page1 = await as(ctx, admin).get(`/api/admin/audit?action=${AuditAction.GROUP_CREATE}&actorId=${admin.id}&limit=2`);
    expect(page1.body.data).toHaveLength(2);
    expect(page1.body.has_more).toBe(true);
    const page2 = await as(ctx, admin).get(`/api/admin/audit?action=${AuditAction.GROUP_CREATE}&limit=2&after=${page1.body.after}`);
    const ids = [...page1.body.data, ...page2.body.data].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page2.body.data.every((e: { action: string }) => e.action === AuditAction.GROUP_CREATE)).toBe(true);
  });

  it('shows nothing of another organisation', async () => {
    const other = await ctx.makeOrg();
    const otherAdmin = await ctx.makeAdmin(other);
    const res = await as(ctx, otherAdmin).get('/api/admin/audit?limit=100');
    expect(res.body.data.every((e: { organizationId: string }) => e.organizationId === String(other._id))).toBe(true);
  });

  it('a USER gets 403; bad parameters get 400', async () => {
    expectError(await as(ctx, user).get('/api/admin/audit'), 403, 'FORBIDDEN');
    const bad = await as(ctx, admin).get('/api/admin/audit?actorId=me&after=%%%');
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(detailFields(bad)).toEqual(expect.arrayContaining(['actorId', 'after']));
  });
});
