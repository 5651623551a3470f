import type { IOrganization } from '@mcp-registry/data-schemas';
import type { TestContext, TestUser } from './context';

/** The admin suites' world: organisations A and B with an admin each, and a plain user in A. */
export interface TwoOrganisations {
  orgA: IOrganization;
  orgB: IOrganization;
  adminA: TestUser;
  adminB: TestUser;
  userA: TestUser;
}

export async function makeTwoOrganisations(ctx: TestContext): Promise<TwoOrganisations> {
  const [orgA, orgB] = await Promise.all([ctx.makeOrg(), ctx.makeOrg()]);
  const [adminA, adminB, userA] = await Promise.all([ctx.makeAdmin(orgA), ctx.makeAdmin(orgB), ctx.makeUser(orgA)]);
  return { orgA, orgB, adminA, adminB, userA };
}
