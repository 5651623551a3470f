import request from 'supertest';
import type { Response } from 'supertest';
import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError, detailFields } from './support/expectError';
import { bearerFor, listAll, makeServer, share } from './support/mcpServers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-list');
});
afterAll(() => ctx.close());

const names = (servers: McpServerDto[]) => servers.map((s) => s.serverName);

describe('paging', () => {
  let org: IOrganization;
  let owner: TestUser;
  let created: McpServerDto[];

  beforeAll(async () => {
    org = await ctx.makeOrg();
    owner = await ctx.makeUser(org);
    created = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const titles = Array.from({ length: 25 }, (_, i) => `Paged ${String(batch * 25 + i).padStart(3, '0')}`);
      created.push(...(await Promise.all(titles.map((title) => makeServer(ctx, owner, { title })))));
    }
  }, 120_000);

  it('returns 250 servers with limit=20 in 13 pages, each exactly once, newest first', async () => {
    const pages: number[] = [];
    const seen: McpServerDto[] = [];
    let after: string | null = null;
    do {
      const res: Response = await request(ctx.app)
        .get('/api/mcp/servers')
        .query({ limit: 20, ...(after ? { after } : {}) })
        .set('Authorization', bearerFor(ctx, owner));
      expect(res.status).toBe(200);
      pages.push(res.body.data.length);
      seen.push(...res.body.data);
      expect(res.body.has_more).toBe(res.body.after !== null);
      after = res.body.after;
    } while (after);
    expect(pages).toEqual([...Array(12).fill(20), 10]);
    expect(seen).toHaveLength(250);
    expect(new Set(seen.map((s) => s.id)).size).toBe(250);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(created.map((s) => s.id)));
    const ids = seen.map((s) => s.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('does not repeat or skip servers when one is created between pages', async () => {
    const first = await request(ctx.app).get('/api/mcp/servers').query({ limit: 20 }).set('Authorization', bearerFor(ctx, owner));
    await makeServer(ctx, owner, { title: 'Arrived Mid Listing' });
    const second = await request(ctx.app)
      .get('/api/mcp/servers')
      .query({ limit: 20, after: first.body.after })
      .set('Authorization', bearerFor(ctx, owner));
    const ids = [...first.body.data, ...second.body.data].map((s: McpServerDto) => s.id);
    expect(new Set(ids).size).toBe(40);
    expect(names(second.body.data)).not.toContain('arrived-mid-listing');
  });

  it('defaults to 20 per page and rejects a limit outside 1..100 and a forged cursor', async () => {
    const res = await request(ctx.app).get('/api/mcp/servers').set('Authorization', bearerFor(ctx, owner));
    expect(res.body.data).toHaveLength(20);
    for (const limit of ['0', '101', 'abc']) {
      const bad = await request(ctx.app).get('/api/mcp/servers').query({ limit }).set('Authorization', bearerFor(ctx, owner));
      expectError(bad, 400, 'VALIDATION_FAILED');
      expect(detailFields(bad)).toContain('limit');
    }
    const forged = await request(ctx.app).get('/api/mcp/servers').query({ after: 'not-a-cursor' }).set('Authorization', bearerFor(ctx, owner));
    expectError(forged, 400, 'VALIDATION_FAILED');
    const unknown = await request(ctx.app).get('/api/mcp/servers').query({ sort: 'title' }).set('Authorization', bearerFor(ctx, owner));
    expectError(unknown, 400, 'VALIDATION_FAILED');
  });
});

describe('visibility', () => {
  it('lists exactly what the caller can view: own, shared to them, their group, their role, public and configuration servers', async () => {
    const org = await ctx.makeOrg();
    const other = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const me = await ctx.makeUser(org);
    const someone = await ctx.makeUser(org);
    const group = await ctx.makeGroup(org, [me]);
    const outsider = await ctx.makeUser(other);
    await ctx.app.services.mcpServers.syncYaml({
      organizationId: String(org._id),
      servers: { 'from-config': { type: 'sse', url: 'https://config.example.com/sse' } },
    });

    const mine = await makeServer(ctx, me, { title: 'Mine' });
    const toMe = await makeServer(ctx, someone, { title: 'To Me' });
    const toGroup = await makeServer(ctx, someone, { title: 'To Group' });
    const toRole = await makeServer(ctx, someone, { title: 'To Role' });
    const everyone = await makeServer(ctx, someone, { title: 'Everyone' });
    await makeServer(ctx, someone, { title: 'Private' });
    await makeServer(ctx, outsider, { title: 'Elsewhere' });
    await share(ctx, admin, toMe.id, { updated: [{ type: 'user', id: me.id, accessRoleId: 'mcpServer_viewer' }] });
    await share(ctx, admin, toGroup.id, { updated: [{ type: 'group', id: String(group._id), accessRoleId: 'mcpServer_editor' }] });
    await share(ctx, admin, toRole.id, { updated: [{ type: 'role', id: 'USER', accessRoleId: 'mcpServer_viewer' }] });
    await share(ctx, admin, everyone.id, { public: true });
    await share(ctx, admin, toMe.id, { updated: [{ type: 'group', id: String(group._id), accessRoleId: 'mcpServer_viewer' }] });

    const listed = await listAll(ctx, me, { limit: 2 });
    expect(names(listed).sort()).toEqual(['everyone', 'from-config', 'mine', 'to-group', 'to-me', 'to-role']);
    expect(new Set(listed.map((s) => s.id)).size).toBe(listed.length);
    expect(names(await listAll(ctx, admin)).sort()).toEqual(['everyone', 'from-config', 'mine', 'private', 'to-group', 'to-me', 'to-role']);
    expect(names(await listAll(ctx, outsider))).toEqual(['elsewhere']);
    expect(mine.author).toBe(me.id);
  });
});

describe('search', () => {
  it('matches a case-insensitive substring of the title or the description, across pages, within what is visible', async () => {
    const org = await ctx.makeOrg();
    const me = await ctx.makeUser(org);
    const someone = await ctx.makeUser(org);
    await makeServer(ctx, me, { title: 'GitHub Issues', description: 'Track bugs' });
    await makeServer(ctx, me, { title: 'Jira', description: 'Issue tracker for github-like flows' });
    await makeServer(ctx, me, { title: 'Weather', description: 'Forecasts' });
    await makeServer(ctx, me, { title: 'Git (hub) mirror', description: 'Regex characters must be literal: .*' });
    await makeServer(ctx, someone, { title: 'Private GitHub', description: 'not shared' });

    expect(names(await listAll(ctx, me, { search: 'GITHUB', limit: 1 })).sort()).toEqual(['github-issues', 'jira']);
    expect(names(await listAll(ctx, me, { search: 'forecast' }))).toEqual(['weather']);
    expect(names(await listAll(ctx, me, { search: '(hub)' }))).toEqual(['git-hub-mirror']);
    expect(names(await listAll(ctx, me, { search: '.*' }))).toEqual(['git-hub-mirror']);
    expect(await listAll(ctx, me, { search: 'nothing like this' })).toEqual([]);
  });

  it('rejects an empty or overlong search', async () => {
    const org = await ctx.makeOrg();
    const me = await ctx.makeUser(org);
    for (const search of ['', 'x'.repeat(101)]) {
      const res = await request(ctx.app).get('/api/mcp/servers').query({ search }).set('Authorization', bearerFor(ctx, me));
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(detailFields(res)).toContain('search');
    }
  });
});
