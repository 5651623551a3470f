import request from 'supertest';
import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IGroup, IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { allowUsersToShare, bearerFor, makeServer, share } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let users: Record<Who, TestUser>;
let group: IGroup;

type Who = 'owner' | 'viewer' | 'editor' | 'groupMember' | 'roleHolder' | 'unrelated' | 'otherOrgUser' | 'otherOrgAdmin' | 'admin';

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-access');
  org = await ctx.makeOrg();
  const otherOrg = await ctx.makeOrg();
  await ctx.methods.createRole({ organizationId: org._id, name: 'AUDITOR', permissions: { MCP_SERVERS: { USE: true } } });
  await ctx.methods.createRole({ organizationId: org._id, name: 'READER', permissions: { MCP_SERVERS: { USE: true } } });
  users = {
    owner: await ctx.makeUser(org),
    viewer: await ctx.makeUser(org),
    editor: await ctx.makeUser(org, { role: 'READER' }),
    groupMember: await ctx.makeUser(org),
    roleHolder: await ctx.makeUser(org, { role: 'AUDITOR' }),
    unrelated: await ctx.makeUser(org),
    otherOrgUser: await ctx.makeUser(otherOrg),
    otherOrgAdmin: await ctx.makeAdmin(otherOrg),
    admin: await ctx.makeAdmin(org),
  };
  group = await ctx.makeGroup(org, [users.groupMember]);
  await allowUsersToShare(ctx, org._id);
  await allowUsersToShare(ctx, otherOrg._id);
});
afterAll(() => ctx.close());

/** A server of `owner` shared with the viewer, the editor (whose role lacks CREATE), the group and the AUDITOR role. */
async function sharedServer(): Promise<McpServerDto> {
  const server = await makeServer(ctx, users.owner, { title: 'Matrix Server' });
  await share(ctx, users.admin, server.id, {
    updated: [
      { type: 'user', id: users.viewer.id, accessRoleId: 'mcpServer_viewer' },
      { type: 'user', id: users.editor.id, accessRoleId: 'mcpServer_editor' },
      { type: 'group', id: String(group._id), accessRoleId: 'mcpServer_viewer' },
      { type: 'role', id: 'AUDITOR', accessRoleId: 'mcpServer_viewer' },
    ],
  });
  return server;
}

const get = (who: Who, server: McpServerDto) =>
  request(ctx.app).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, users[who]));
const patch = (who: Who, server: McpServerDto) =>
  request(ctx.app)
    .patch(`/api/mcp/servers/${server.serverName}`)
    .set('Authorization', bearerFor(ctx, users[who]))
    .send({ version: server.version, description: `edited by ${who}` });
const del = (who: Who, server: McpServerDto) =>
  request(ctx.app).delete(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, users[who]));
const getSharing = (who: Who, server: McpServerDto) =>
  request(ctx.app).get(`/api/permissions/mcpServer/${server.id}`).set('Authorization', bearerFor(ctx, users[who]));
const putSharing = (who: Who, server: McpServerDto) =>
  request(ctx.app)
    .put(`/api/permissions/mcpServer/${server.id}`)
    .set('Authorization', bearerFor(ctx, users[who]))
    .send({ updated: [{ type: 'user', id: users.unrelated.id, accessRoleId: 'mcpServer_viewer' }] });

const stored = (server: McpServerDto) => ctx.methods.findServerById(org._id, server.id);

describe('GET /api/mcp/servers/:serverName', () => {
  it.each<[Who, number]>([
    ['owner', 200],
    ['viewer', 200],
    ['editor', 200],
    ['groupMember', 200],
    ['roleHolder', 200],
    ['admin', 200],
    ['unrelated', 404],
    ['otherOrgUser', 404],
    ['otherOrgAdmin', 404],
  ])('%s gets %i', async (who, status) => {
    const server = await sharedServer();
    const res = await get(who, server);
    if (status === 404) expectError(res, 404, 'NOT_FOUND');
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body).toEqual(server);
  });
});

describe('PATCH /api/mcp/servers/:serverName', () => {
  it.each<[Who, number]>([
    ['owner', 200],
    ['editor', 200],
    ['admin', 200],
    ['viewer', 403],
    ['groupMember', 403],
    ['roleHolder', 403],
    ['unrelated', 404],
    ['otherOrgUser', 404],
    ['otherOrgAdmin', 404],
  ])('%s gets %i and only a 200 changes the server', async (who, status) => {
    const server = await sharedServer();
    const res = await patch(who, server);
    expect(res.status).toBe(status);
    if (status !== 200) expectError(res, status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
    expect((await stored(server))?.description).toBe(status === 200 ? `edited by ${who}` : server.description);
  });

  it('lets an editor whose role lacks CREATE edit (the EDIT bit is what counts)', async () => {
    const server = await sharedServer();
    const res = await patch('editor', server);
    expect(users.editor.role).toBe('READER');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(server.version + 1);
  });
});

describe('DELETE /api/mcp/servers/:serverName', () => {
  it.each<[Who, number]>([
    ['owner', 204],
    ['admin', 204],
    ['viewer', 403],
    ['editor', 403],
    ['groupMember', 403],
    ['roleHolder', 403],
    ['unrelated', 404],
    ['otherOrgUser', 404],
    ['otherOrgAdmin', 404],
  ])('%s gets %i and only a 204 removes the server', async (who, status) => {
    const server = await sharedServer();
    const res = await del(who, server);
    expect(res.status).toBe(status);
    if (status !== 204) expectError(res, status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
    expect(Boolean(await stored(server))).toBe(status !== 204);
  });
});

describe('sharing GET and PUT /api/permissions/mcpServer/:serverId', () => {
  it.each<[Who, number]>([
    ['owner', 200],
    ['admin', 200],
    ['viewer', 403],
    ['editor', 403],
    ['groupMember', 403],
    ['roleHolder', 403],
    ['unrelated', 404],
    ['otherOrgUser', 404],
    ['otherOrgAdmin', 404],
  ])('%s reading the sharing gets %i', async (who, status) => {
    const server = await sharedServer();
    const res = await getSharing(who, server);
    expect(res.status).toBe(status);
    if (status !== 200) expectError(res, status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
    if (status === 200) expect(res.body.principals).toHaveLength(5);
  });

  it.each<[Who, number]>([
    ['owner', 200],
    ['admin', 200],
    ['viewer', 403],
    ['editor', 403],
    ['groupMember', 403],
    ['roleHolder', 403],
    ['unrelated', 404],
    ['otherOrgUser', 404],
    ['otherOrgAdmin', 404],
  ])('%s changing the sharing gets %i and only a 200 grants access', async (who, status) => {
    const server = await sharedServer();
    const res = await putSharing(who, server);
    expect(res.status).toBe(status);
    expect((await get('unrelated', server)).status).toBe(status === 200 ? 200 : 404);
  });
});

describe('public servers', () => {
  it('are visible to every user of the organisation, read-only, and invisible to other organisations', async () => {
    const server = await makeServer(ctx, users.owner, { title: 'Public Server' });
    await share(ctx, users.admin, server.id, { public: true });
    expect((await get('unrelated', server)).status).toBe(200);
    expectError(await patch('unrelated', server), 403, 'FORBIDDEN');
    expectError(await del('unrelated', server), 403, 'FORBIDDEN');
    expectError(await getSharing('unrelated', server), 403, 'FORBIDDEN');
    expectError(await get('otherOrgUser', server), 404, 'NOT_FOUND');
    expectError(await get('otherOrgAdmin', server), 404, 'NOT_FOUND');
    expect(await stored(server)).not.toBeNull();
  });

  it('stop being visible once public sharing is removed', async () => {
    const server = await makeServer(ctx, users.owner, { title: 'Briefly Public' });
    await share(ctx, users.admin, server.id, { public: true });
    expect((await get('unrelated', server)).status).toBe(200);
    await share(ctx, users.admin, server.id, { public: false });
    expectError(await get('unrelated', server), 404, 'NOT_FOUND');
  });
});

describe('role permissions before resource access', () => {
  it('answers 401 without credentials and 403 to a role without MCP_SERVERS.USE', async () => {
    const server = await makeServer(ctx, users.owner, { title: 'Gatekept' });
    expectError(await request(ctx.app).get(`/api/mcp/servers/${server.serverName}`), 401, 'UNAUTHENTICATED');
    await ctx.methods.createRole({ organizationId: org._id, name: 'NOBODY', permissions: {} });
    const nobody = await ctx.makeUser(org, { role: 'NOBODY' });
    const res = await request(ctx.app).get('/api/mcp/servers').set('Authorization', bearerFor(ctx, nobody));
    expectError(res, 403, 'FORBIDDEN');
  });

  it('answers 403 to a role without CREATE on POST and stores nothing', async () => {
    const before = await ctx.methods.countMcpServers(org._id);
    const res = await request(ctx.app)
      .post('/api/mcp/servers')
      .set('Authorization', bearerFor(ctx, users.roleHolder))
      .send({ title: 'Nope', config: { type: 'sse', url: 'https://mcp.example.com/sse' } });
    expectError(res, 403, 'FORBIDDEN');
    expect(await ctx.methods.countMcpServers(org._id)).toBe(before);
  });
});
