import request from 'supertest';
import type { McpServerDto } from '@mcp-registry/data-provider';
import type { IGroup, IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';
import { allowUsersToShare, bearerFor, makeServer } from './support/mcpServers';

let ctx: TestContext;
let org: IOrganization;
let owner: TestUser;
let colleague: TestUser;
let group: IGroup;
let outsider: TestUser;
let outsiderGroup: IGroup;

beforeAll(async () => {
  ctx = await createTestContext('permissions-sharing');
  org = await ctx.makeOrg({ name: 'Acme' });
  const otherOrg = await ctx.makeOrg();
  owner = await ctx.makeUser(org, { name: 'Olive Owner' });
  colleague = await ctx.makeUser(org, { name: 'Colin Colleague', email: `colin-${Date.now()}@example.test` });
  group = await ctx.makeGroup(org, [colleague], { name: 'platform-team' });
  outsider = await ctx.makeUser(otherOrg);
  outsiderGroup = await ctx.makeGroup(otherOrg, [outsider]);
  await allowUsersToShare(ctx, org._id);
});
afterAll(() => ctx.close());

const url = (server: McpServerDto) => `/api/permissions/mcpServer/${server.id}`;
const put = (server: McpServerDto, body: unknown, as: TestUser = owner) =>
  request(ctx.app).put(url(server)).set('Authorization', bearerFor(ctx, as)).send(body as object);
const get = (server: McpServerDto, as: TestUser = owner) => request(ctx.app).get(url(server)).set('Authorization', bearerFor(ctx, as));
const entries = (server: McpServerDto) => ctx.methods.listResourceEntries({ resourceType: 'mcpServer', resourceId: server.id });

describe('GET /api/permissions/mcpServer/:serverId', () => {
  it('shows the creator as owner with every bit', async () => {
    const server = await makeServer(ctx, owner);
    const res = await get(server);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      resourceType: 'mcpServer',
      resourceId: server.id,
      principals: [{ type: 'user', id: owner.id, name: 'Olive Owner', email: owner.email, accessRoleId: 'mcpServer_owner', permBits: 15 }],
      public: false,
      publicAccessRoleId: null,
    });
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expectError(await request(ctx.app).get('/api/permissions/mcpServer/nope').set('Authorization', bearerFor(ctx, owner)), 400, 'VALIDATION_FAILED');
    expectError(await request(ctx.app).get('/api/permissions/mcpServer/0123456789abcdef01234567').set('Authorization', bearerFor(ctx, owner)), 404, 'NOT_FOUND');
  });
});

describe('PUT /api/permissions/mcpServer/:serverId', () => {
  it('grants, changes and removes access roles for users, groups and roles and answers the new state', async () => {
    const server = await makeServer(ctx, owner);
    const first = await put(server, {
      updated: [
        { type: 'user', id: colleague.id, accessRoleId: 'mcpServer_editor' },
        { type: 'group', id: String(group._id), accessRoleId: 'mcpServer_viewer' },
        { type: 'role', id: 'USER', accessRoleId: 'mcpServer_viewer' },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.principals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'user', id: colleague.id, name: 'Colin Colleague', accessRoleId: 'mcpServer_editor', permBits: 3 }),
        expect.objectContaining({ type: 'group', id: String(group._id), name: 'platform-team', accessRoleId: 'mcpServer_viewer', permBits: 1 }),
        expect.objectContaining({ type: 'role', id: 'USER', name: 'USER', accessRoleId: 'mcpServer_viewer', permBits: 1 }),
      ]),
    );
    expect(first.body.principals).toHaveLength(4);
    expect((await get(server)).body).toEqual(first.body);

    const second = await put(server, {
      updated: [{ type: 'user', id: colleague.id, accessRoleId: 'mcpServer_viewer' }],
      removed: [{ type: 'group', id: String(group._id) }, { type: 'role', id: 'USER' }],
    });
    expect(second.status).toBe(200);
    expect(second.body.principals.map((p: { id: string; permBits: number }) => [p.id, p.permBits])).toEqual([
      [owner.id, 15],
      [colleague.id, 1],
    ]);
    const stored = await entries(server);
    expect(stored.map((e) => [e.principalType, e.principalId, e.permBits, String(e.grantedBy)])).toEqual([
      ['user', owner.id, 15, owner.id],
      ['user', colleague.id, 1, owner.id],
    ]);
  });

  it('makes a server public with SHARE_PUBLIC and refuses without it', async () => {
    const server = await makeServer(ctx, owner);
    const refused = await put(server, { public: true });
    expect(expectError(refused, 403, 'FORBIDDEN').message).toMatch(/SHARE_PUBLIC/);
    expect(await entries(server)).toHaveLength(1);

    await allowUsersToShare(ctx, org._id, { public: true });
    try {
      const res = await put(server, { public: true, publicAccessRoleId: 'mcpServer_viewer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ public: true, publicAccessRoleId: 'mcpServer_viewer' }));
    } finally {
      await allowUsersToShare(ctx, org._id);
    }
    const unpublished = await put(server, { public: false });
    expect(unpublished.body.public).toBe(false);
  });

  it('needs the role permission MCP_SERVERS.SHARE even for the owner', async () => {
    const server = await makeServer(ctx, owner);
    await ctx.methods.setRolePermissions(String(org._id), 'USER', 'MCP_SERVERS', { SHARE: false });
    try {
      expectError(await put(server, { updated: [{ type: 'user', id: colleague.id, accessRoleId: 'mcpServer_viewer' }] }), 403, 'FORBIDDEN');
      expect(await entries(server)).toHaveLength(1);
    } finally {
      await allowUsersToShare(ctx, org._id);
    }
  });

  it.each([
    ['a user of another organisation', () => ({ type: 'user', id: outsider.id }), 'User'],
    ['a group of another organisation', () => ({ type: 'group', id: String(outsiderGroup._id) }), 'Group'],
    ['an unknown user', () => ({ type: 'user', id: '0123456789abcdef01234567' }), 'User'],
    ['a role that does not exist', () => ({ type: 'role', id: 'GHOSTS' }), 'Role'],
  ])('answers 404 for %s and writes nothing', async (_what, principal, label) => {
    const server = await makeServer(ctx, owner);
    const res = await put(server, {
      updated: [
        { type: 'user', id: colleague.id, accessRoleId: 'mcpServer_viewer' },
        { ...principal(), accessRoleId: 'mcpServer_viewer' },
      ],
    });
    expect(expectError(res, 404, 'NOT_FOUND').message).toBe(`${label} not found`);
    expect(await entries(server)).toHaveLength(1);
  });

  it('keeps the author an owner', async () => {
    const server = await makeServer(ctx, owner);
    const removed = await put(server, { removed: [{ type: 'user', id: owner.id }] });
    expectError(removed, 400, 'VALIDATION_FAILED');
    expect(detailFields(removed)).toEqual(['removed[0]']);
    const lowered = await put(server, { updated: [{ type: 'user', id: owner.id, accessRoleId: 'mcpServer_viewer' }] });
    expect(detailFields(lowered)).toEqual(['updated[0].accessRoleId']);
    expect((await entries(server))[0]?.permBits).toBe(15);
  });

  it.each([
    ['an unknown field', { everyone: true }, 'everyone'],
    ['updated that is not an array', { updated: { type: 'user' } }, 'updated'],
    ['an unknown principal type', { updated: [{ type: 'team', id: '0123456789abcdef01234567', accessRoleId: 'mcpServer_viewer' }] }, 'updated[0].type'],
    ['public as a principal type', { updated: [{ type: 'public', id: 'x', accessRoleId: 'mcpServer_viewer' }] }, 'updated[0].type'],
    ['a malformed user id', { updated: [{ type: 'user', id: 'abc', accessRoleId: 'mcpServer_viewer' }] }, 'updated[0].id'],
    ['a malformed role name', { updated: [{ type: 'role', id: 'not a role', accessRoleId: 'mcpServer_viewer' }] }, 'updated[0].id'],
    ['an unknown access role', { updated: [{ type: 'user', id: '0123456789abcdef01234567', accessRoleId: 'agent_owner' }] }, 'updated[0].accessRoleId'],
    ['a missing access role', { updated: [{ type: 'user', id: '0123456789abcdef01234567' }] }, 'updated[0].accessRoleId'],
    ['an unknown field in an entry', { removed: [{ type: 'user', id: '0123456789abcdef01234567', accessRoleId: 'mcpServer_viewer' }] }, 'removed[0].accessRoleId'],
    ['public that is not a boolean', { public: 'yes' }, 'public'],
    ['publicAccessRoleId without public', { publicAccessRoleId: 'mcpServer_viewer' }, 'publicAccessRoleId'],
    [
      'a principal both updated and removed',
      { updated: [{ type: 'role', id: 'USER', accessRoleId: 'mcpServer_viewer' }], removed: [{ type: 'role', id: 'USER' }] },
      'removed',
    ],
    [
      'a principal twice',
      {
        updated: [
          { type: 'role', id: 'USER', accessRoleId: 'mcpServer_viewer' },
          { type: 'role', id: 'USER', accessRoleId: 'mcpServer_editor' },
        ],
      },
      'removed',
    ],
  ])('rejects %s with 400', async (_what, body, field) => {
    const server = await makeServer(ctx, owner);
    const res = await put(server, body);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toContain(field);
    expect(await entries(server)).toHaveLength(1);
  });

  it('lets a colleague see the server through the share right away, and not after removal', async () => {
    const server = await makeServer(ctx, owner);
    const view = () => request(ctx.app).get(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, colleague));
    expectError(await view(), 404, 'NOT_FOUND');
    await put(server, { updated: [{ type: 'group', id: String(group._id), accessRoleId: 'mcpServer_viewer' }] });
    expect((await view()).status).toBe(200);
    await put(server, { removed: [{ type: 'group', id: String(group._id) }] });
    expectError(await view(), 404, 'NOT_FOUND');
  });
});
