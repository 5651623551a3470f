import { AuthMethod } from '@mcp-registry/data-provider';
import type { ListMcpServersQuery } from '@mcp-registry/data-provider';
import { loadIdentity } from '@mcp-registry/api';
import type { Actor } from '@mcp-registry/api';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { makeServer } from './support/mcpServers';

/** The catalog list is scoped by the caller's organisation and viewer keys, whatever else the query carries. */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext('mcp-servers-list-scope');
});
afterAll(() => ctx.close());

async function actorOf(user: TestUser): Promise<Actor> {
  const identity = await loadIdentity(ctx.methods, user.id);
  if (!identity) throw new Error('user vanished');
  return { ...identity, authMethod: AuthMethod.JWT };
}

describe('the catalog list service', () => {
  it('ignores an organizationId or viewerKeys smuggled into the query', async () => {
    const [mine, theirs] = [await ctx.makeOrg(), await ctx.makeOrg()];
    const me = await ctx.makeUser(mine);
    const stranger = await ctx.makeAdmin(theirs);
    const hidden = await makeServer(ctx, stranger, { title: 'Other organisation' });
    const smuggled = { limit: 100, organizationId: String(theirs._id), viewerKeys: undefined } as ListMcpServersQuery;

    const page = await ctx.app.services.mcpServers.list(await actorOf(me), smuggled);

    expect(page.data.map((s) => String(s._id))).not.toContain(hidden.id);
    expect(page.data.every((s) => String(s.organizationId) === String(mine._id))).toBe(true);
  });
});
