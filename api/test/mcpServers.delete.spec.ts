import request from 'supertest';
import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { bearerFor, makeServer, share } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let owner: TestUser;
let admin: TestUser;
let installer: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-delete');
  org = await ctx.makeOrg();
  owner = await ctx.makeUser(org);
  admin = await ctx.makeAdmin(org);
  installer = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

const del = (server: McpServerDto, query = '') =>
  request(ctx.app).delete(`/api/mcp/servers/${server.serverName}${query}`).set('Authorization', bearerFor(ctx, owner));

const aclEntries = (server: McpServerDto) => ctx.methods.listResourceEntries({ resourceType: 'mcpServer', resourceId: server.id });

async function install(server: McpServerDto, user: TestUser): Promise<void> {
  const res = await request(ctx.app).post('/api/mcp_server').set('Authorization', bearerFor(ctx, user)).send({ catalogId: server.id });
  if (res.status !== 201) throw new Error(`install: ${res.status} ${JSON.stringify(res.body)}`);
}

describe('DELETE /api/mcp/servers/:serverName', () => {
  it('removes the server and its ACL entries; reads and a second delete are then 404', async () => {
    const server = await makeServer(ctx, owner, { title: 'Short Lived' });
    await share(ctx, admin, server.id, { updated: [{ type: 'user', id: installer.id, accessRoleId: 'mcpServer_viewer' }], public: true });
    expect(await aclEntries(server)).toHaveLength(3);

    const res = await del(server);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await ctx.methods.findServerById(org._id, server.id)).toBeNull();
    expect(await aclEntries(server)).toEqual([]);
    expectError(await request(ctx.app).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, owner)), 404, 'NOT_FOUND');
    expectError(await request(ctx.app).get(`/api/permissions/mcpServer/${server.id}`).set('Authorization', bearerFor(ctx, admin)), 404, 'NOT_FOUND');
    expectError(await del(server), 404, 'NOT_FOUND');
  });

  it('answers 409 while installations exist and keeps everything', async () => {
    const server = await makeServer(ctx, owner, { title: 'Installed' });
    await share(ctx, admin, server.id, { public: true });
    await install(server, installer);
    await install(server, owner);

    const res = await del(server);
    const error = expectError(res, 409, 'CONFLICT');
    expect(error.message).toMatch(/2 installation/);
    expect(error.message).toMatch(/force=true/);
    expect(await ctx.methods.findServerById(org._id, server.id)).not.toBeNull();
    expect(await ctx.methods.countInstallationsOfServer(org._id, server.id)).toBe(2);
    expect(await aclEntries(server)).toHaveLength(2);
  });

  it('with force=true removes the server, its installations and its ACL entries', async () => {
    const server = await makeServer(ctx, owner, { title: 'Forced' });
    await share(ctx, admin, server.id, { public: true });
    await install(server, installer);

    const res = await del(server, '?force=true');
    expect(res.status).toBe(204);
    expect(await ctx.methods.findServerById(org._id, server.id)).toBeNull();
    expect(await ctx.methods.countInstallationsOfServer(org._id, server.id)).toBe(0);
    expect(await aclEntries(server)).toEqual([]);
    const list = await request(ctx.app).get('/api/mcp_server').set('Authorization', bearerFor(ctx, installer));
    expect(list.body.data.map((i: { catalogId: string }) => i.catalogId)).not.toContain(server.id);
  });

  it('rejects a force value other than true, false, 1 or 0', async () => {
    const server = await makeServer(ctx, owner, { title: 'Strict Force' });
    expectError(await del(server, '?force=yes'), 400, 'VALIDATION_FAILED');
    expect(await ctx.methods.findServerById(org._id, server.id)).not.toBeNull();
  });

  it('reads force=0 as false and force=1 as true', async () => {
    const server = await makeServer(ctx, owner, { title: 'Numeric Force' });
    await share(ctx, admin, server.id, { public: true });
    await install(server, installer);

    expectError(await del(server, '?force=0'), 409, 'CONFLICT');
    expect((await del(server, '?force=1')).status).toBe(204);
    expect(await ctx.methods.countInstallationsOfServer(org._id, server.id)).toBe(0);
  });

  it('records who deleted what in the audit log', async () => {
    const server = await makeServer(ctx, owner, { title: 'Audited' });
    expect((await del(server)).status).toBe(204);
    const page = await ctx.methods.listAuditEntries({ organizationId: org._id, action: 'mcpServer.delete', limit: 10 });
    expect(page.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ targetId: server.id, details: expect.objectContaining({ serverName: server.serverName }) })]),
    );
  });
});
