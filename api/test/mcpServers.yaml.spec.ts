import request from 'supertest';
import { appConfigSchema } from '@mcp-registry/data-provider';
import { getServerAccessBits, loadIdentity } from '@mcp-registry/api';
import type { YamlMcpServers } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { bearerFor, listAll, makeServer } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let user: TestUser;
let admin: TestUser;

const servers: YamlMcpServers = {
  'Company Docs': {
    type: 'http',
    url: 'https://docs.example.com/mcp',
    title: 'Company documentation',
    description: 'Search the handbook',
    headers: { Authorization: 'Bearer yaml-secret-token' },
  },
  filesystem: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'], env: { ROOT: '/data' } },
  templated: { type: 'sse', url: 'https://${MCP_HOST}/sse' },
};

const sync = (input: YamlMcpServers) => ctx.app.services.mcpServers.syncYaml({ organizationId: String(org._id), servers: input });
const auth = (u: TestUser) => bearerFor(ctx, u);

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-yaml');
  org = await ctx.makeOrg();
  user = await ctx.makeUser(org);
  admin = await ctx.makeAdmin(org);
});
afterAll(() => ctx.close());

describe('configuration (YAML) servers', () => {
  it('are upserted as source yaml, with stdio allowed and secrets redacted', async () => {
    const result = await sync(servers);
    expect(result.upserted.sort()).toEqual(['company-docs', 'filesystem', 'templated']);
    const res = await request(ctx.app).get('/api/mcp/servers/company-docs').set('Authorization', auth(user));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({ source: 'yaml', author: null, title: 'Company documentation', description: 'Search the handbook' }),
    );
    expect(res.body.config).toEqual({ type: 'streamable-http', url: 'https://docs.example.com/mcp', headerNames: ['Authorization'] });
    expect(JSON.stringify(res.body)).not.toContain('yaml-secret-token');
    const stdio = await request(ctx.app).get('/api/mcp/servers/filesystem').set('Authorization', auth(user));
    expect(stdio.body.config).toEqual({
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/data'],
      envNames: ['ROOT'],
      headerNames: [],
    });
  });

  it('are visible to every user whose role may use servers, and listed', async () => {
    await sync(servers);
    const names = (await listAll(ctx, user)).map((s) => s.serverName);
    expect(names).toEqual(expect.arrayContaining(['company-docs', 'filesystem', 'templated']));
    await ctx.methods.createRole({ organizationId: org._id, name: 'NO_MCP', permissions: {} });
    const noMcp = await ctx.makeUser(org, { role: 'NO_MCP' });
    expectError(await request(ctx.app).get('/api/mcp/servers/company-docs').set('Authorization', auth(noMcp)), 403, 'FORBIDDEN');
    const server = await ctx.methods.findMcpServerByName(org._id, 'company-docs');
    const bitsOf = async (u: TestUser) => getServerAccessBits(ctx.methods, (await loadIdentity(ctx.methods, u.id))!, server!);
    expect(await bitsOf(noMcp)).toBe(0);
    expect(await bitsOf(user)).toBe(1);
    const outsiderOrg = await ctx.makeUser(await ctx.makeOrg());
    expectError(await request(ctx.app).get('/api/mcp/servers/company-docs').set('Authorization', auth(outsiderOrg)), 404, 'NOT_FOUND');
  });

  it('cannot be changed, deleted or shared through the API, even by an admin (403 naming the configuration file)', async () => {
    await sync(servers);
    const server = (await request(ctx.app).get('/api/mcp/servers/company-docs').set('Authorization', auth(admin))).body;
    for (const who of [user, admin]) {
      const patch = await request(ctx.app).patch('/api/mcp/servers/company-docs').set('Authorization', auth(who)).send({ version: server.version, title: 'Hijacked' });
      expect(expectError(patch, 403, 'FORBIDDEN').message).toMatch(/configuration file/);
      const del = await request(ctx.app).delete('/api/mcp/servers/company-docs?force=true').set('Authorization', auth(who));
      expect(expectError(del, 403, 'FORBIDDEN').message).toMatch(/configuration file/);
    }
    const put = await request(ctx.app).put(`/api/permissions/mcpServer/${server.id}`).set('Authorization', auth(admin)).send({ public: true });
    expect(expectError(put, 403, 'FORBIDDEN').message).toMatch(/configuration file/);
    const stored = await ctx.methods.findMcpServerByName(org._id, 'company-docs');
    expect(stored?.title).toBe('Company documentation');
  });

  it('follow the file: changed entries are updated and removed ones deleted', async () => {
    await sync(servers);
    const result = await sync({ 'Company Docs': { type: 'sse', url: 'https://docs2.example.com/sse' } });
    expect(result.removed.sort()).toEqual(['filesystem', 'templated']);
    const stored = await ctx.methods.findMcpServerByName(org._id, 'company-docs');
    expect(stored).toEqual(expect.objectContaining({ title: 'Company Docs', source: 'yaml' }));
    expect(stored?.config).toEqual(expect.objectContaining({ type: 'sse', url: 'https://docs2.example.com/sse' }));
    expect(await ctx.methods.findMcpServerByName(org._id, 'filesystem')).toBeNull();
  });

  it('do not take a name a user server already holds: that entry is skipped and reported', async () => {
    const taken = await makeServer(ctx, user, { title: 'Occupied' });
    const result = await sync({ occupied: { url: 'https://occupied.example.com/mcp' } });
    expect(result.conflicts).toEqual(['occupied']);
    const stored = await ctx.methods.findMcpServerByName(org._id, 'occupied');
    expect(stored).toEqual(expect.objectContaining({ source: 'user', title: taken.title }));
  });
});

describe('the configuration schema for mcpServers', () => {
  const base = { auth: { jwtSecret: 'x'.repeat(32), jwtRefreshSecret: 'y'.repeat(32) }, credsKey: 'a'.repeat(64) };

  it('accepts http, sse and stdio servers and defaults to none', () => {
    expect(appConfigSchema.parse(base).mcpServers).toEqual({});
    expect(() => appConfigSchema.parse({ ...base, mcpServers: servers })).not.toThrow();
  });

  it.each([
    ['an http server without url', { s: { type: 'sse' } }],
    ['a stdio server without command', { s: { type: 'stdio' } }],
    ['an unknown key', { s: { url: 'https://x.example.com', colour: 'blue' } }],
    ['an unknown transport', { s: { type: 'websocket', url: 'wss://x.example.com' } }],
  ])('rejects %s, naming the server', (_what, mcpServers) => {
    const result = appConfigSchema.safeParse({ ...base, mcpServers });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.slice(0, 2)).toEqual(['mcpServers', 's']);
  });
});
