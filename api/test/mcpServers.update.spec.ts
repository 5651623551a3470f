import request from 'supertest';
import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';
import { bearerFor, makeServer } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let owner: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-update');
  org = await ctx.makeOrg();
  owner = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

const patch = (server: McpServerDto, body: Record<string, unknown>) =>
  request(ctx.app).patch(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, owner)).send(body);

const oauthServer = () =>
  makeServer(ctx, owner, {
    title: 'OAuth Server',
    config: {
      type: 'http',
      url: 'https://oauth-mcp.example.com/mcp',
      oauth: {
        authorization_url: 'https://auth.example.com/authorize',
        token_url: 'https://auth.example.com/token',
        client_id: 'client-1',
        client_secret: 'secret-1',
      },
    },
  });

describe('PATCH as a JSON merge patch', () => {
  it('changes only the given fields, clears nulls, bumps the version and answers as GET would', async () => {
    const server = await makeServer(ctx, owner, {
      title: 'Merge Me',
      description: 'before',
      iconPath: '/icons/merge.svg',
      config: { type: 'sse', url: 'https://merge.example.com/sse', timeout: 30_000, customUserVars: { TOKEN: { title: 'Token' } } },
    });
    expect(server.config.type).toBe('sse');
    const res = await patch(server, { version: 1, description: null, iconPath: null, config: { timeout: 60_000, customUserVars: { REGION: { title: 'Region', description: 'eu or us' } } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({ title: 'Merge Me', description: '', iconPath: null, version: 2, serverName: server.serverName }),
    );
    expect(res.body.config).toEqual({
      type: 'sse',
      url: 'https://merge.example.com/sse',
      headerNames: [],
      timeout: 60_000,
      customUserVars: { TOKEN: { title: 'Token' }, REGION: { title: 'Region', description: 'eu or us' } },
    });
    const get = await request(ctx.app).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, owner));
    expect(get.body).toEqual(res.body);
    const stored = await ctx.methods.findServerById(org._id, server.id);
    expect(stored?.version).toBe(2);
    expect(stored?.description).toBe('');
  });

  it('stores the http alias as streamable-http on update too', async () => {
    const server = await makeServer(ctx, owner, { title: 'Alias', config: { type: 'sse', url: 'https://alias.example.com/sse' } });
    const res = await patch(server, { version: 1, config: { type: 'http' } });
    expect(res.status).toBe(200);
    expect(res.body.config.type).toBe('streamable-http');
  });

  it('answers 409 for a stale version and leaves the server as the winner wrote it', async () => {
    const server = await makeServer(ctx, owner, { title: 'Contended' });
    expect((await patch(server, { version: 1, title: 'First Writer' })).status).toBe(200);
    const stale = await patch(server, { version: 1, title: 'Second Writer' });
    const error = expectError(stale, 409, 'CONFLICT');
    expect(error.details).toEqual([expect.objectContaining({ field: 'version', message: expect.stringContaining('2') })]);
    expect((await ctx.methods.findServerById(org._id, server.id))?.title).toBe('First Writer');
  });

  it('lets exactly one of two concurrent patches with the same version win', async () => {
    const server = await makeServer(ctx, owner, { title: 'Race' });
    const [a, b] = await Promise.all([patch(server, { version: 1, description: 'a' }), patch(server, { version: 1, description: 'b' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'a' : 'b';
    const stored = await ctx.methods.findServerById(org._id, server.id);
    expect(stored).toEqual(expect.objectContaining({ description: winner, version: 2 }));
  });

  it('requires the version', async () => {
    const server = await makeServer(ctx, owner, { title: 'No Version' });
    const res = await patch(server, { title: 'x' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toContain('version');
  });

  it('rejects nulls for what cannot be cleared (title, config, url, type)', async () => {
    const server = await makeServer(ctx, owner, { title: 'Required Things' });
    for (const body of [{ title: null }, { config: null }, { config: { url: null } }, { config: { type: null } }]) {
      expectError(await patch(server, { version: 1, ...body }), 400, 'VALIDATION_FAILED');
    }
    expect((await ctx.methods.findServerById(org._id, server.id))?.version).toBe(1);
  });
});

describe('secret re-entry', () => {
  it.each([
    ['url', { url: 'https://elsewhere.example.com/mcp' }],
    ['oauth.authorization_url', { oauth: { authorization_url: 'https://evil.example.com/authorize' } }],
    ['oauth.token_url', { oauth: { token_url: 'https://evil.example.com/token' } }],
    ['oauth.client_id', { oauth: { client_id: 'client-2' } }],
  ])('changing %s without client_secret is 400 SECRET_REENTRY_REQUIRED and changes nothing', async (_field, config) => {
    const server = await oauthServer();
    const res = await patch(server, { version: 1, config });
    const error = expectError(res, 400, 'SECRET_REENTRY_REQUIRED');
    expect(detailFields(res)).toEqual(['config.oauth.client_secret']);
    expect(error.message).toMatch(/secret/i);
    const stored = await ctx.methods.revealMcpServerConfig(org._id, server.id);
    expect(stored?.url).toBe('https://oauth-mcp.example.com/mcp');
    expect(stored?.oauth).toEqual(expect.objectContaining({ client_id: 'client-1', client_secret: 'secret-1', token_url: 'https://auth.example.com/token' }));
  });

  it('accepts the same changes when client_secret is supplied again', async () => {
    const server = await oauthServer();
    const res = await patch(server, { version: 1, config: { url: 'https://elsewhere.example.com/mcp', oauth: { client_id: 'client-2', client_secret: 'secret-2' } } });
    expect(res.status).toBe(200);
    expect(res.body.config.oauth).toEqual(expect.objectContaining({ client_id: 'client-2', hasClientSecret: true }));
    expect((await ctx.methods.revealMcpServerConfig(org._id, server.id))?.oauth?.client_secret).toBe('secret-2');
  });

  it('does not ask for secrets when nothing they are bound to moves, or when there are none', async () => {
    const server = await oauthServer();
    expect((await patch(server, { version: 1, config: { oauth: { scope: 'read' } }, title: 'Renamed' })).status).toBe(200);
    const plain = await makeServer(ctx, owner, { title: 'No Secrets' });
    expect((await patch(plain, { version: 1, config: { url: 'https://moved.example.com/mcp' } })).status).toBe(200);
  });

  it('asks for header values and an admin API key again when the url moves', async () => {
    const server = await makeServer(ctx, owner, {
      title: 'Header Secrets',
      config: {
        type: 'streamable-http',
        url: 'https://hdr.example.com/mcp',
        headers: { Authorization: 'Bearer abc', 'X-Org': 'acme' },
        apiKey: { source: 'admin', key: 'k-1', authorization_type: 'custom', custom_header: 'X-Key' },
      },
    });
    const res = await patch(server, { version: 1, config: { url: 'https://hdr2.example.com/mcp', headers: { 'X-Org': 'acme' } } });
    expectError(res, 400, 'SECRET_REENTRY_REQUIRED');
    expect(detailFields(res).sort()).toEqual(['config.apiKey.key', 'config.headers.Authorization']);
    const ok = await patch(server, {
      version: 1,
      config: { url: 'https://hdr2.example.com/mcp', headers: { Authorization: 'Bearer abc', 'X-Org': 'acme' }, apiKey: { key: 'k-1' } },
    });
    expect(ok.status).toBe(200);
  });
});
