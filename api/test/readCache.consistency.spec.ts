import request from 'supertest';
import { Mongoose } from 'mongoose';
import { McpServerSource, McpTransport } from '@mcp-registry/data-provider';
import { createCredentialCipher, createMethods } from '@mcp-registry/data-schemas';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { bearerFor, makeServer, share } from './support/mcpServers';

/**
 * The read cache (READ_CACHE_TTL_MS, on in every suite) never shows a list that a write of this process has
 * changed; writes of another process sharing the database show once the lifetime has passed.
 */
const LONG_TTL_MS = 60_000;
const SHORT_TTL_MS = 200;
let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let user: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('read-cache', { database: { readCacheTtlMs: LONG_TTL_MS } });
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  user = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

const get = (caller: TestUser, path: string) => request(ctx.app).get(path).set('Authorization', bearerFor(ctx, caller));
const catalogNames = async (caller: TestUser) => ((await get(caller, '/api/mcp/servers?limit=100')).body.data as Array<{ serverName: string }>).map((s) => s.serverName);
const installations = async (caller: TestUser) => (await get(caller, '/api/mcp_server?limit=100')).body.data as Array<{ id: string; userDetails: Array<{ name: string }> }>;
const installFor = (target: TestUser, catalogId: string) =>
  request(ctx.app).post('/api/mcp_server').set('Authorization', bearerFor(ctx, admin)).send({ catalogId, userId: target.id });

describe('read cache consistency', () => {
  it('a share and its removal show in the next list of the person concerned', async () => {
    const server = await makeServer(ctx, admin, { title: 'Shared then unshared' });
    const before = await catalogNames(user);

    await share(ctx, admin, server.id, { updated: [{ type: 'user', id: user.id, accessRoleId: 'mcpServer_viewer' }] });
    const shared = await catalogNames(user);
    await share(ctx, admin, server.id, { removed: [{ type: 'user', id: user.id }] });
    const unshared = await catalogNames(user);

    expect(before).not.toContain(server.serverName);
    expect(shared).toContain(server.serverName);
    expect(unshared).not.toContain(server.serverName);
  });

  it('an unshared server can no longer be installed for the person, even right after a successful install', async () => {
    const server = await makeServer(ctx, admin, { title: 'Install then unshare' });
    await share(ctx, admin, server.id, { updated: [{ type: 'user', id: user.id, accessRoleId: 'mcpServer_viewer' }] });
    expect((await installFor(user, server.id)).status).toBe(201);
    expect((await installFor(user, server.id)).status).toBe(200);

    await share(ctx, admin, server.id, { removed: [{ type: 'user', id: user.id }] });
    const replay = await installFor(user, server.id);

    expect(replay.status).toBe(403);
  });

  it('an edited title and a deleted server show in the next list', async () => {
    const server = await makeServer(ctx, admin, { title: 'Before edit' });
    await get(admin, '/api/mcp/servers?limit=100');

    const patched = await request(ctx.app)
      .patch(`/api/mcp/servers/${server.serverName}`)
      .set('Authorization', bearerFor(ctx, admin))
      .send({ title: 'After edit', version: server.version });
    const afterEdit = (await get(admin, '/api/mcp/servers?limit=100')).body.data as Array<{ id: string; title: string }>;
    await request(ctx.app).delete(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, admin));
    const afterDelete = await catalogNames(admin);

    expect(patched.status).toBe(200);
    expect(afterEdit.find((s) => s.id === server.id)?.title).toBe('After edit');
    expect(afterDelete).not.toContain(server.serverName);
  });

  it("a user's new name shows in the next installation list, and their deletion removes their installation", async () => {
    const person = await ctx.makeUser(org, { name: 'Old Name' });
    const server = await makeServer(ctx, admin, { title: 'For a renamed user' });
    await share(ctx, admin, server.id, { updated: [{ type: 'user', id: person.id, accessRoleId: 'mcpServer_viewer' }] });
    const installed = await installFor(person, server.id);
    await installations(admin);

    await request(ctx.app).patch(`/api/users/${person.id}`).set('Authorization', bearerFor(ctx, admin)).send({ name: 'New Name' });
    const renamed = (await installations(admin)).find((i) => i.id === installed.body.id);
    await request(ctx.app).delete(`/api/users/${person.id}`).set('Authorization', bearerFor(ctx, admin));
    const afterDelete = (await installations(admin)).map((i) => i.id);

    expect(renamed?.userDetails.map((d) => d.name)).toEqual(['New Name']);
    expect(afterDelete).not.toContain(installed.body.id);
  });

  it("another process's write shows once the lifetime has passed", async () => {
    const shortLived = await createTestContext('read-cache-short', { database: { readCacheTtlMs: SHORT_TTL_MS } });
    const shortOrg = await shortLived.makeOrg();
    const shortAdmin = await shortLived.makeAdmin(shortOrg);
    const other = new Mongoose();
    await other.connect(databaseUriOf(shortLived));
    const otherMethods = createMethods(other, { cipher: createCredentialCipher(shortLived.config.credsKey) });
    const list = async () => (await request(shortLived.app).get('/api/mcp/servers?limit=100').set('Authorization', bearerFor(shortLived, shortAdmin))).body.data as Array<{ serverName: string }>;
    await list();

    await otherMethods.insertMcpServer({
      organizationId: shortOrg._id,
      serverName: 'written-elsewhere',
      title: 'Written elsewhere',
      config: { type: McpTransport.STREAMABLE_HTTP, url: 'https://other.example.com/mcp' },
      source: McpServerSource.USER,
      author: shortAdmin._id,
      viewers: [],
    });
    await new Promise((resolve) => setTimeout(resolve, SHORT_TTL_MS + 50));
    const names = (await list()).map((s) => s.serverName);
    await other.disconnect();
    await shortLived.close();

    expect(names).toContain('written-elsewhere');
  });
});

function databaseUriOf(context: TestContext): string {
  const { host, port, name } = context.mongoose.connection;
  return `mongodb://${host}:${port}/${name}`;
}
