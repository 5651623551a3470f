import request from 'supertest';
import { defaultRolePermissions } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { makeTwoOrganisations } from './support/twoOrganisations';
import { expectError } from './support/expectError';

let ctx: TestContext;
let orgA: IOrganization;
let adminA: TestUser;
let userA: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('users-callerPermissions');
  ({ orgA, adminA, userA } = await makeTwoOrganisations(ctx));
});
afterAll(() => ctx.close());

describe('GET /api/user/permissions', () => {
  it("answers a plain user's role with what USER grants, without installation ADMIN", async () => {
    const res = await as(ctx, userA).get('/api/user/permissions');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ role: 'USER', permissions: defaultRolePermissions.USER });
    expect(res.body.permissions.MCP_SERVER_INSTALLATIONS.ADMIN).toBeUndefined();
  });

  it("answers an admin's role with every permission", async () => {
    const res = await as(ctx, adminA).get('/api/user/permissions');

    expect(res.body).toEqual({ role: 'ADMIN', permissions: defaultRolePermissions.ADMIN });
  });

  it('follows a role change made by an admin', async () => {
    const user = await ctx.makeUser(orgA);
    await as(ctx, adminA).put('/api/roles/USER/GROUPS', { READ: true });

    const res = await as(ctx, user).get('/api/user/permissions');

    expect(res.body.permissions.GROUPS).toEqual({ READ: true });
    await as(ctx, adminA).put('/api/roles/USER/GROUPS', { READ: false });
  });

  it('is 401 without a token', async () => {
    expectError(await request(ctx.app).get('/api/user/permissions'), 401, 'UNAUTHENTICATED');
  });
});
