import request from 'supertest';
import { Types } from 'mongoose';
import type { McpServerDto } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { bearerFor, makeServer, share } from './support/mcpServers';

let ctx: TestContext;
let owner: TestUser;
let viewer: TestUser;
let unrelated: TestUser;
let foreignAdmin: TestUser;
let server: McpServerDto;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-byId');
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  owner = await ctx.makeUser(org);
  viewer = await ctx.makeUser(org);
  unrelated = await ctx.makeUser(org);
  foreignAdmin = await ctx.makeAdmin(await ctx.makeOrg());
  server = await makeServer(ctx, owner, { title: 'By Id Server' });
  await share(ctx, admin, server.id, { updated: [{ type: 'user', id: viewer.id, accessRoleId: 'mcpServer_viewer' }] });
});
afterAll(() => ctx.close());

const byId = (who: TestUser, id: string) => request(ctx.app).get(`/api/mcp/servers/by-id/${id}`).set('Authorization', bearerFor(ctx, who));

describe('GET /api/mcp/servers/by-id/:serverId', () => {
  it('answers the same server as GET by serverName, for the owner and for a viewer', async () => {
    const byName = await request(ctx.app).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, viewer));

    for (const who of [owner, viewer]) {
      const res = await byId(who, server.id);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(byName.body);
    }
  });

  it('is 404, not 403, for a user without VIEW and for another organisation', async () => {
    expectError(await byId(unrelated, server.id), 404, 'NOT_FOUND');
    expectError(await byId(foreignAdmin, server.id), 404, 'NOT_FOUND');
  });

  it('is 404 for an unknown id and 400 naming serverId for a malformed one', async () => {
    expectError(await byId(owner, new Types.ObjectId().toHexString()), 404, 'NOT_FOUND');
    const error = expectError(await byId(owner, server.serverName), 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ field: 'serverId', location: 'params' })]);
  });

  it('is 401 without a token', async () => {
    expectError(await request(ctx.app).get(`/api/mcp/servers/by-id/${server.id}`), 401, 'UNAUTHENTICATED');
  });
});
