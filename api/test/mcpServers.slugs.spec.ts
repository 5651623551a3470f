import request from 'supertest';
import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { bearerFor, makeServer, serverBody } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let alice: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-slugs');
  org = await ctx.makeOrg();
  alice = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

describe('server names', () => {
  it('derives the name from the title: lowercase, [a-z0-9-], collapsed dashes', async () => {
    const server = await makeServer(ctx, alice, { title: '  My  GitHub -- Server!! ' });
    expect(server.serverName).toBe('my-github-server');
    expect(server.title).toBe('My  GitHub -- Server!!');
    const stored = await ctx.methods.findMcpServerByName(org._id, 'my-github-server');
    expect(stored?.title).toBe('My  GitHub -- Server!!');
  });

  it('folds accents and falls back to mcp-server when nothing usable is left', async () => {
    expect((await makeServer(ctx, alice, { title: 'Café Crème' })).serverName).toBe('cafe-creme');
    expect((await makeServer(ctx, alice, { title: '日本語のサーバー' })).serverName).toBe('mcp-server');
    expect((await makeServer(ctx, alice, { title: '!!!' })).serverName).toBe('mcp-server-2');
  });

  it('suffixes -2, -3, … when the name is taken in the organisation', async () => {
    const names = [];
    for (let i = 0; i < 3; i += 1) names.push((await makeServer(ctx, alice, { title: 'Search Engine' })).serverName);
    expect(names).toEqual(['search-engine', 'search-engine-2', 'search-engine-3']);
  });

  it('reuses the lowest free name after a delete', async () => {
    await makeServer(ctx, alice, { title: 'Recycled' });
    await makeServer(ctx, alice, { title: 'Recycled' });
    const del = await request(ctx.app).delete('/api/mcp/servers/recycled').set('Authorization', bearerFor(ctx, alice));
    expect(del.status).toBe(204);
    expect((await makeServer(ctx, alice, { title: 'Recycled' })).serverName).toBe('recycled');
  });

  it('keeps names per organisation: the same title in another organisation gets the plain name', async () => {
    const other = await ctx.makeUser(await ctx.makeOrg());
    await makeServer(ctx, alice, { title: 'Shared Name' });
    expect((await makeServer(ctx, other, { title: 'Shared Name' })).serverName).toBe('shared-name');
  });

  it('gives 20 concurrent creates of the same title 20 distinct names, all stored', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(ctx.app).post('/api/mcp/servers').set('Authorization', bearerFor(ctx, alice)).send(serverBody({ title: 'Rush Hour' })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const names = results.map((r) => (r.body as McpServerDto).serverName);
    expect(new Set(names).size).toBe(20);
    expect(new Set(names)).toEqual(new Set(['rush-hour', ...Array.from({ length: 19 }, (_, i) => `rush-hour-${i + 2}`)]));
    expect((await ctx.methods.findTakenServerNames(org._id, 'rush-hour')).sort()).toEqual([...names].sort());
  });

  it('keeps the name when the title changes, so links and installations stay valid', async () => {
    const server = await makeServer(ctx, alice, { title: 'Old Title' });
    const res = await request(ctx.app)
      .patch(`/api/mcp/servers/${server.serverName}`)
      .set('Authorization', bearerFor(ctx, alice))
      .send({ version: server.version, title: 'New Title' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ serverName: 'old-title', title: 'New Title' }));
  });

  it('treats the names of configuration servers as taken: a user server with that title gets a suffix', async () => {
    await ctx.app.services.mcpServers.syncYaml({
      organizationId: String(org._id),
      servers: { 'company-search': { type: 'streamable-http', url: 'https://search.example.com/mcp' } },
    });
    expect((await makeServer(ctx, alice, { title: 'Company Search' })).serverName).toBe('company-search-2');
  });

  it('answers 400 for a server name that cannot exist in the path', async () => {
    const res = await request(ctx.app).get('/api/mcp/servers/Not_A_Slug').set('Authorization', bearerFor(ctx, alice));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
