import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IGroup, IOrganization } from '@mcp-registry/data-schemas';
import request from 'supertest';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';
import { makeServer } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let member: TestUser;
let server: McpServerDto;
let group: IGroup;

beforeAll(async () => {
  ctx = await createTestContext('hostile-input');
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  member = await ctx.makeUser(org);
  server = await makeServer(ctx, admin, { title: 'Hostile Input Target' });
  group = await ctx.makeGroup(org, [member]);
});
afterAll(() => ctx.close());

const rawJson = (path: string, text: string, user: TestUser = admin) =>
  request(ctx.app).post(path).set('Authorization', `Bearer ${ctx.tokenFor(user)}`).set('Content-Type', 'application/json').send(text);

const createConfig = (config: Record<string, unknown>) => ({
  title: `Server ${Math.random().toString(36).slice(2, 8)}`,
  config: { type: 'streamable-http', url: 'https://mcp.example.com/mcp', ...config },
});

describe('keys named like members of Object.prototype', () => {
  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'])('answers {"%s":null} on login with 400 naming it', async (key) => {
    const res = await request(ctx.app).post('/api/auth/login').set('Content-Type', 'application/json').send(`{"${key}":null}`);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual([key]);
  });

  it('refuses a nested __proto__ and leaves Object.prototype alone', async () => {
    const res = await rawJson('/api/groups', '{"name":"x","members":[{"userId":"0123456789abcdef01234567","__proto__":{"polluted":true}}]}');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['members[0].__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a query parameter named toString or constructor with 400 as an unknown field', async () => {
    const res = await as(ctx, admin).get('/api/users?toString=&constructor=x');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res).sort()).toEqual(['constructor', 'toString']);
  });
});

describe('deep and wide JSON', () => {
  it('answers 4,000 levels of nesting in an 8 KB body with 400, not a stack overflow', async () => {
    const res = await rawJson('/api/groups', `{"name":${'['.repeat(4000)}${']'.repeat(4000)}}`);
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ message: expect.stringContaining('nested deeper') })]);
  });

  it('answers a body with 20,000 keys with 400', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',');
    const res = await rawJson('/api/groups', `{${keys}}`);
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ message: expect.stringContaining('more than') })]);
  });

  it('still takes a group of 1,000 members', async () => {
    const members = Array.from({ length: 1000 }, () => ({ userId: member.id, role: 'member' }));
    const res = await as(ctx, admin).post('/api/groups', { name: 'a wide group', members });
    expect(res.status).toBe(201);
  });

  it('answers a body in another charset with 415 in the envelope', async () => {
    const res = await as(ctx, admin).post('/api/groups').set('Content-Type', 'application/json; charset=utf-16').send('{}');
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('text that is not text', () => {
  it('answers a lone surrogate in an email with 400 naming the field', async () => {
    const res = await request(ctx.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":"a\\ud800@example.test","password":"x"}');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['email']);
  });

  it.each(['/api/users', '/api/groups', '/api/mcp/servers'])('answers a NUL byte in the search of %s with 400 naming search', async (path) => {
    const res = await as(ctx, admin).get(`${path}?search=a%00b`);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['search']);
  });

  it('answers a NUL byte in a path parameter with 400', async () => {
    const res = await as(ctx, admin).get('/api/mcp/servers/a%00b');
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['serverName']);
  });

  it('searches for regex characters literally', async () => {
    const res = await as(ctx, admin).get(`/api/users?search=${encodeURIComponent('.*(')}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});

describe('malformed percent-encoding in the path', () => {
  it.each(['%E0%A4%A', '%', '%zz', '%ED%A0%80'])('answers GET /api/users/%s with 400', async (raw) => {
    const res = await as(ctx, admin).get(`/api/users/${raw}`);
    expect(expectError(res, 400, 'VALIDATION_FAILED').message).toBe('Malformed percent-encoding in the URL path');
  });
});

describe('repeated query parameters', () => {
  it.each(['/api/users', '/api/groups', '/api/keys', '/api/admin/audit', '/api/mcp_server', '/api/mcp/servers'])(
    'answers %s?limit=1&limit=2 with 400 naming limit',
    async (path) => {
      const res = await as(ctx, admin).get(`${path}?limit=1&limit=2`);
      expect(expectError(res, 400, 'VALIDATION_FAILED').details).toEqual([
        { field: 'limit', location: 'query', message: 'Given more than once; give it once' },
      ]);
    },
  );
});

describe('lists where one value is declared', () => {
  it.each([
    ['config.timeout', createConfig({ timeout: [] })],
    ['config.timeout', createConfig({ timeout: [5000] })],
    ['config.oauth.token_exchange_method', createConfig({ oauth: { token_exchange_method: [] } })],
    ['config.apiKey.source', createConfig({ apiKey: { source: ['user'], authorization_type: 'bearer' } })],
    ['config.apiKey.authorization_type', createConfig({ apiKey: { source: 'user', authorization_type: ['bearer'] } })],
  ])('answers a list at %s of a new server with 400 and stores nothing', async (field, body) => {
    const before = await ctx.methods.countMcpServers(org._id);
    const res = await as(ctx, admin).post('/api/mcp/servers', body);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual([field]);
    expect(await ctx.methods.countMcpServers(org._id)).toBe(before);
  });

  it("answers a member's role given as a list with 400", async () => {
    const res = await as(ctx, admin).post(`/api/groups/${String(group._id)}/members`, { userId: admin.id, role: [] });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['role']);
  });

  it("answers a share's updated[].type given as a list with 400 and shares nothing", async () => {
    const res = await as(ctx, admin).put(`/api/permissions/mcpServer/${server.id}`, {
      updated: [{ type: [], id: member.id, accessRoleId: 'mcpServer_viewer' }],
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['updated[0].type']);
    const sharing = await as(ctx, admin).get(`/api/permissions/mcpServer/${server.id}`);
    expect(JSON.stringify(sharing.body)).not.toContain(member.id);
  });

  it.each([
    ['catalogId', () => ({ catalogId: [server.id] })],
    ['userId', () => ({ catalogId: server.id, userId: [member.id] })],
    ['teamId', () => ({ catalogId: server.id, scope: 'team', teamId: [String(group._id)] })],
  ])('answers an installation with %s as a list with 400, not 403 or 404', async (field, body) => {
    const res = await as(ctx, admin).post('/api/mcp_server', body());
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual([field]);
    expect(await ctx.methods.countInstallationsOfServer(org._id, server.id)).toBe(0);
  });

  it('answers a plain member asking for scope ["org"] with 400 before any permission decision, and installs nothing', async () => {
    const res = await as(ctx, member).post('/api/mcp_server', { catalogId: server.id, scope: ['org'] });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['scope']);
    expect(await ctx.methods.countInstallationsOfServer(org._id, server.id)).toBe(0);
  });

  it('answers PATCH with version [1] with 400, not 409, and changes nothing', async () => {
    const res = await as(ctx, admin).patch(`/api/mcp/servers/${server.serverName}`, { version: [server.version], title: 'Changed' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['version']);
    expect((await as(ctx, admin).get(`/api/mcp/servers/${server.serverName}`)).body.title).toBe(server.title);
  });
});

describe('input a route does not declare', () => {
  it('answers a body on DELETE /api/mcp/servers/:name with 400 and keeps the server', async () => {
    const res = await request(ctx.app)
      .delete(`/api/mcp/servers/${server.serverName}`)
      .set('Authorization', `Bearer ${ctx.tokenFor(admin)}`)
      .send({ cascade: true });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['cascade']);
    expect((await as(ctx, admin).get(`/api/mcp/servers/${server.serverName}`)).status).toBe(200);
  });

  it('answers an unknown query parameter on POST /api/users with 400 and creates nothing', async () => {
    const before = await ctx.methods.countUsersWithRole(org._id, 'USER');
    const res = await as(ctx, admin).post('/api/users?notify=1', { email: 'fresh@example.test', password: 'a long enough password' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['notify']);
    expect(await ctx.methods.countUsersWithRole(org._id, 'USER')).toBe(before);
  });

  it('answers an unknown field inside a list entry with 400 naming it', async () => {
    const res = await as(ctx, admin).post('/api/groups', { name: 'g', members: [{ userId: member.id, evil: 1 }] });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['members[0].evil']);
  });

  it.each(['/health', '/ready', '/api/openapi.json', '/api/user'])('answers %s?x=1 with 400', async (path) => {
    const res = await as(ctx, admin).get(`${path}?x=1`);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['x']);
  });
});
