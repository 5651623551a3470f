import request from 'supertest';
import { Types } from 'mongoose';
import { Permissions } from '@mcp-registry/data-provider';
import type { IGroup, IOrganization, McpServerRecord } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';
import { installationFixtures } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;
let org: IOrganization;
let admin: TestUser;
let user: TestUser;
let server: McpServerRecord;
let group: IGroup;
let catalogId: string;

beforeAll(async () => {
  ctx = await createTestContext('installations-validation');
  f = installationFixtures(ctx);
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  user = await ctx.makeUser(org);
  server = await f.makeServer(admin, { shareWith: [user] });
  group = await ctx.makeGroup(org, [admin, user]);
  catalogId = String(server._id);
});
afterAll(() => ctx.close());

async function expectNothingInstalled(): Promise<void> {
  expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(0);
  expect(await f.raw.assignments({})).toHaveLength(0);
}

describe('authentication and the CREATE permission', () => {
  it('answers 401 without credentials', async () => {
    expectError(await request(ctx.app).post('/api/mcp_server').send({ catalogId }), 401, 'UNAUTHENTICATED');
    await expectNothingInstalled();
  });

  it('answers 401 for a garbage token and for a garbage API key', async () => {
    expectError(await f.api.install({ token: 'not-a-jwt' }, { catalogId }), 401, 'UNAUTHENTICATED');
    expectError(await f.api.install({ token: 'mcpr_abcdefgh_nothing' }, { catalogId }), 401, 'UNAUTHENTICATED');
    await expectNothingInstalled();
  });

  it('answers 403 when the role lacks MCP_SERVER_INSTALLATIONS.CREATE, for every scope', async () => {
    const role = await f.makeRole(org, { MCP_SERVERS: { [Permissions.USE]: true }, MCP_SERVER_INSTALLATIONS: { [Permissions.READ]: true } });
    const reader = await ctx.makeUser(org, { role });
    await f.share(server, 'user', reader.id, 1);

    expectError(await f.api.install(reader, { catalogId }), 403, 'FORBIDDEN');
    expectError(await f.api.install(reader, { catalogId, scope: 'org' }), 403, 'FORBIDDEN');
    await expectNothingInstalled();
  });

  it('answers 401 and 403 on the read and delete routes the same way', async () => {
    const id = new Types.ObjectId().toHexString();
    const role = await f.makeRole(org, { MCP_SERVER_INSTALLATIONS: { [Permissions.CREATE]: true } });
    const writer = await ctx.makeUser(org, { role });

    expectError(await request(ctx.app).get('/api/mcp_server'), 401, 'UNAUTHENTICATED');
    expectError(await request(ctx.app).get(`/api/mcp_server/${id}`), 401, 'UNAUTHENTICATED');
    expectError(await request(ctx.app).delete(`/api/mcp_server/${id}`), 401, 'UNAUTHENTICATED');
    expectError(await f.api.list(writer), 403, 'FORBIDDEN');
    expectError(await f.api.get(writer, id), 403, 'FORBIDDEN');
    expectError(await f.api.remove(writer, id), 403, 'FORBIDDEN');
  });
});

describe('the body is validated before anything else', () => {
  it.each([
    ['an empty string', ''],
    ['null', null],
    ['a malformed id', 'not-an-id'],
    ['a number', 12345],
    ['an object', { $ne: null }],
  ])('answers 400 for %s as userId (not "omitted")', async (_label, userId) => {
    const res = await f.api.install(admin, { catalogId, userId });

    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toContain('userId');
    await expectNothingInstalled();
  });

  it('answers 400 for userId with team or org scope', async () => {
    const team = await f.api.install(admin, { catalogId, scope: 'team', teamId: String(group._id), userId: user.id });
    const orgWide = await f.api.install(admin, { catalogId, scope: 'org', userId: user.id });

    expectError(team, 400, 'VALIDATION_FAILED');
    expect(detailFields(team)).toEqual(['userId']);
    expectError(orgWide, 400, 'VALIDATION_FAILED');
    expect(detailFields(orgWide)).toEqual(['userId']);
    await expectNothingInstalled();
  });

  it('answers 400 when team scope has no teamId', async () => {
    const res = await f.api.install(admin, { catalogId, scope: 'team' });

    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toEqual(['teamId']);
  });

  it('answers 400 when personal or org scope carries a teamId', async () => {
    const personal = await f.api.install(admin, { catalogId, teamId: String(group._id) });
    const orgWide = await f.api.install(admin, { catalogId, scope: 'org', teamId: String(group._id) });

    expect(detailFields(expectErrorRes(personal))).toEqual(['teamId']);
    expect(detailFields(expectErrorRes(orgWide))).toEqual(['teamId']);
    await expectNothingInstalled();
  });

  it('answers 400 for a malformed teamId with team scope', async () => {
    const res = await f.api.install(admin, { catalogId, scope: 'team', teamId: 'nope' });

    expect(detailFields(expectErrorRes(res))).toEqual(['teamId']);
  });

  it('answers 400 for a missing or malformed catalogId', async () => {
    expect(detailFields(expectErrorRes(await f.api.install(admin, {})))).toEqual(['catalogId']);
    expect(detailFields(expectErrorRes(await f.api.install(admin, { catalogId: 'abc' })))).toEqual(['catalogId']);
    expect(detailFields(expectErrorRes(await f.api.install(admin, { catalogId: null })))).toEqual(['catalogId']);
  });

  it('answers 400 for an unknown scope', async () => {
    expect(detailFields(expectErrorRes(await f.api.install(admin, { catalogId, scope: 'global' })))).toEqual(['scope']);
  });

  it('rejects unknown fields, naming them', async () => {
    const res = await f.api.install(admin, { catalogId, ownerId: user.id, installedBy: user.id });

    const error = expectError(res, 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'ownerId', location: 'body', message: 'Unknown field' },
        { field: 'installedBy', location: 'body', message: 'Unknown field' },
      ]),
    );
    await expectNothingInstalled();
  });

  it.each([
    ['an array', ['x']],
    ['a string', 'API_KEY=x'],
    ['a non-string value', { API_KEY: 42 }],
    ['a bad variable name', { 'bad name': 'x' }],
    ['an overlong value', { API_KEY: 'x'.repeat(4097) }],
  ])('answers 400 for customUserVars that are %s', async (_label, customUserVars) => {
    const res = await f.api.install(admin, { catalogId, customUserVars });

    expect(detailFields(expectErrorRes(res))).toEqual(['customUserVars']);
    await expectNothingInstalled();
  });

  it('answers 400 for a body that is not a JSON object, and for malformed JSON', async () => {
    const array = await f.api.install(admin, [catalogId]);
    const malformed = await request(ctx.app)
      .post('/api/mcp_server')
      .set('Authorization', `Bearer ${ctx.tokenFor(admin)}`)
      .set('Content-Type', 'application/json')
      .send('{"catalogId":');

    expectError(array, 400, 'VALIDATION_FAILED');
    expectError(malformed, 400, 'VALIDATION_FAILED');
  });

  it('answers 404 for a well-formed catalogId that names no server', async () => {
    const res = await f.api.install(admin, { catalogId: new Types.ObjectId().toHexString() });

    expect(expectError(res, 404, 'NOT_FOUND').message).toBe('MCP server not found');
  });
});

describe('query and path validation', () => {
  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ after: 'garbage' }, 'after'],
    [{ catalogId: 'x' }, 'catalogId'],
    [{ userId: '' }, 'userId'],
    [{ scope: 'everyone' }, 'scope'],
    [{ ownerId: '0123456789abcdef01234567' }, 'ownerId'],
  ])('GET /api/mcp_server with %j answers 400 naming %s', async (query, field) => {
    const res = await f.api.list(admin, query as Record<string, string | number>);

    expect(detailFields(expectErrorRes(res))).toEqual([field]);
  });

  it('a malformed id is 400 on GET and DELETE, an unknown one 404', async () => {
    expectError(await f.api.get(admin, 'nope'), 400, 'VALIDATION_FAILED');
    expectError(await f.api.remove(admin, 'nope'), 400, 'VALIDATION_FAILED');
    expectError(await f.api.get(admin, new Types.ObjectId().toHexString()), 404, 'NOT_FOUND');
    expectError(await f.api.remove(admin, new Types.ObjectId().toHexString()), 404, 'NOT_FOUND');
  });
});

function expectErrorRes<R extends request.Response>(res: R): R {
  expectError(res, 400, 'VALIDATION_FAILED');
  return res;
}
