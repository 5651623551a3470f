import { Types } from 'mongoose';
import request from 'supertest';
import { AuditAction, InstallationScope, InstallationStatus, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { expectError } from './support/expectError';
import { expectFullShape, installationFixtures, installationOf } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;

beforeAll(async () => {
  ctx = await createTestContext('installations-onBehalf');
  f = installationFixtures(ctx);
});
afterAll(() => ctx.close());

async function world() {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const target = await ctx.makeUser(org, { name: 'Target Person' });
  const server = await f.makeServer(admin, { shareWith: [target] });
  return { org, admin, target, server, catalogId: String(server._id) };
}

describe('POST /api/mcp_server on behalf of another user', () => {
  it('an admin installing for a target gets 201 with ownerId, users and userDetails naming the target only', async () => {
    const { admin, target, server, catalogId } = await world();

    const res = await f.api.install(admin, { catalogId, userId: target.id });

    expect(res.status).toBe(201);
    const body = installationOf(res);
    expectFullShape(body);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      catalogId,
      serverName: server.serverName,
      scope: InstallationScope.PERSONAL,
      ownerId: target.id,
      teamId: null,
      installedBy: admin.id,
      users: [target.id],
      userDetails: [{ userId: target.id, email: target.email, name: 'Target Person' }],
      installedByDetails: { userId: admin.id, email: admin.email, name: admin.name },
      teamDetails: null,
      status: InstallationStatus.ACTIVE,
      hasCustomUserVars: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const docs = await f.raw.installations({ catalogId: server._id });
    expect(docs).toHaveLength(1);
    expect(String(docs[0]?.ownerId)).toBe(target.id);
    expect(String(docs[0]?.installedBy)).toBe(admin.id);
    const rows = await f.raw.assignments({ installationId: docs[0]?._id });
    expect(rows.map((r) => String(r.userId))).toEqual([target.id]);
  });

  it('the create response is exactly what a later GET returns', async () => {
    const { admin, target, catalogId } = await world();
    const created = await f.api.install(admin, { catalogId, userId: target.id });

    const read = await f.api.get(admin, installationOf(created).id);

    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('repeating the same on-behalf install answers 200 with the same id and the full, unchanged installation', async () => {
    const { admin, target, server, catalogId } = await world();
    const first = await f.api.install(admin, { catalogId, userId: target.id });

    const again = await f.api.install(admin, { catalogId, userId: target.id });

    expect(again.status).toBe(200);
    expectFullShape(installationOf(again));
    expect(again.body).toEqual(first.body);
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(1);
    expect(await f.raw.assignments({ userId: new Types.ObjectId(target.id) })).toHaveLength(1);
  });

  it("the target's own later install answers 200 with the installation the admin made", async () => {
    const { admin, target, server, catalogId } = await world();
    const byAdmin = await f.api.install(admin, { catalogId, userId: target.id });

    const own = await f.api.install(target, { catalogId });

    expect(own.status).toBe(200);
    expect(own.body).toEqual(byAdmin.body);
    expect(installationOf(own)).toMatchObject({ ownerId: target.id, installedBy: admin.id, users: [target.id] });
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(1);
  });

  it('the target sees who installed it: installedByDetails names the admin in their list and on GET', async () => {
    const { admin, target, catalogId } = await world();
    const created = installationOf(await f.api.install(admin, { catalogId, userId: target.id }));

    const list = await f.api.list(target);
    const read = await f.api.get(target, created.id);

    expect(list.status).toBe(200);
    const admins = { userId: admin.id, email: admin.email, name: admin.name };
    expect(list.body.data).toEqual([expect.objectContaining({ id: created.id, installedBy: admin.id, installedByDetails: admins })]);
    expect(read.body).toMatchObject({ installedByDetails: admins });
  });

  it('installedByDetails is null once the installer account is deleted, and the installation stays', async () => {
    const { org, target, server, catalogId } = await world();
    const provisioner = await ctx.makeAdmin(org);
    await f.share(server, 'user', provisioner.id, 1);
    const created = installationOf(await f.api.install(provisioner, { catalogId, userId: target.id }));
    const remover = await ctx.makeAdmin(org);

    const removed = await request(ctx.app).delete(`/api/users/${provisioner.id}`).set('Authorization', `Bearer ${ctx.tokenFor(remover)}`);
    const read = await f.api.get(target, created.id);
    const replay = await f.api.install(target, { catalogId });

    expect(removed.status).toBe(204);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ installedBy: provisioner.id, installedByDetails: null });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(read.body);
  });

  it("the admin's own personal install of the same server is a separate installation", async () => {
    const { admin, target, server, catalogId } = await world();
    const forTarget = await f.api.install(admin, { catalogId, userId: target.id });

    const own = await f.api.install(admin, { catalogId });

    expect(own.status).toBe(201);
    expect(installationOf(own).id).not.toBe(installationOf(forTarget).id);
    expect(installationOf(own)).toMatchObject({
      ownerId: admin.id,
      users: [admin.id],
      userDetails: [{ userId: admin.id, email: admin.email, name: admin.name }],
    });
    const owners = (await f.raw.installations({ catalogId: server._id })).map((d) => String(d.ownerId)).sort();
    expect(owners).toEqual([admin.id, target.id].sort());
  });

  it('passing your own id as userId needs no extra permission', async () => {
    const { target, server, catalogId } = await world();

    const res = await f.api.install(target, { catalogId, userId: target.id });

    expect(res.status).toBe(201);
    expect(installationOf(res)).toMatchObject({ ownerId: target.id, installedBy: target.id });
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(1);
  });

  it('a non-admin targeting another user gets 403 and the database is unchanged', async () => {
    const { org, target, server, catalogId } = await world();
    const colleague = await ctx.makeUser(org);
    await f.share(server, 'user', colleague.id, 1);

    const res = await f.api.install(colleague, { catalogId, userId: target.id });

    const error = expectError(res, 403, 'FORBIDDEN');
    expect(error.message).toMatch(/ADMIN permission/);
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(0);
    expect(await f.raw.assignments({ userId: new Types.ObjectId(target.id) })).toHaveLength(0);
    expect(await f.raw.audit({ action: AuditAction.INSTALLATION_CREATE, actorId: colleague._id })).toHaveLength(0);
  });

  it('refuses a non-admin targeting someone else before looking anything up (unknown user and server still 403)', async () => {
    const org = await ctx.makeOrg();
    const user = await ctx.makeUser(org);

    const res = await f.api.install(user, { catalogId: new Types.ObjectId().toHexString(), userId: new Types.ObjectId().toHexString() });

    expectError(res, 403, 'FORBIDDEN');
  });

  it('a custom role holding MCP_SERVER_INSTALLATIONS.ADMIN may install for another user', async () => {
    const { org, target, server, catalogId } = await world();
    const role = await f.makeRole(org, {
      MCP_SERVERS: { [Permissions.USE]: true },
      MCP_SERVER_INSTALLATIONS: { [Permissions.READ]: true, [Permissions.CREATE]: true, [Permissions.ADMIN]: true },
    });
    const provisioner = await ctx.makeUser(org, { role });
    await f.share(server, 'user', provisioner.id, 1);

    const res = await f.api.install(provisioner, { catalogId, userId: target.id });

    expect(res.status).toBe(201);
    expect(installationOf(res)).toMatchObject({ ownerId: target.id, installedBy: provisioner.id, users: [target.id] });
  });

  it('a custom role with CREATE but without ADMIN is refused for another user', async () => {
    const { org, target, server, catalogId } = await world();
    const role = await f.makeRole(org, {
      MCP_SERVERS: { [Permissions.USE]: true },
      [PermissionTypes.MCP_SERVER_INSTALLATIONS]: { [Permissions.CREATE]: true, [Permissions.UPDATE]: true, [Permissions.DELETE]: true },
    });
    const almost = await ctx.makeUser(org, { role });
    await f.share(server, 'user', almost.id, 1);

    expectError(await f.api.install(almost, { catalogId, userId: target.id }), 403, 'FORBIDDEN');
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(0);
  });

  it('an unknown user and a user of another organisation get the same 404 body', async () => {
    const { admin, server, catalogId } = await world();
    const elsewhere = await ctx.makeUser(await ctx.makeOrg());
    const send = (userId: string) =>
      f.api.install(admin, { catalogId, userId }).set('X-Request-Id', 'same-request-id');

    const unknown = await send(new Types.ObjectId().toHexString());
    const foreign = await send(elsewhere.id);

    expectError(unknown, 404, 'NOT_FOUND');
    expectError(foreign, 404, 'NOT_FOUND');
    expect(foreign.body).toEqual(unknown.body);
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(0);
  });

  it('answers 403 naming that the target cannot access the server, and creates nothing', async () => {
    const { org, admin, catalogId, server } = await world();
    const outsider = await ctx.makeUser(org);

    const res = await f.api.install(admin, { catalogId, userId: outsider.id });

    expect(expectError(res, 403, 'FORBIDDEN').message).toBe('The target user cannot access this MCP server');
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(0);
  });

  it('answers 404 for a server the caller cannot see, even when the target could', async () => {
    const { org, target } = await world();
    const role = await f.makeRole(org, {
      MCP_SERVERS: { [Permissions.USE]: true },
      MCP_SERVER_INSTALLATIONS: { [Permissions.CREATE]: true, [Permissions.ADMIN]: true },
    });
    const provisioner = await ctx.makeUser(org, { role });
    const targetsOwn = await f.makeServer(target);

    const res = await f.api.install(provisioner, { catalogId: String(targetsOwn._id), userId: target.id });

    expect(expectError(res, 404, 'NOT_FOUND').message).toBe('MCP server not found');
  });

  it('answers 404 for a server of another organisation', async () => {
    const { admin, target } = await world();
    const foreignAdmin = await ctx.makeAdmin(await ctx.makeOrg());
    const foreign = await f.makeServer(foreignAdmin);

    expectError(await f.api.install(admin, { catalogId: String(foreign._id), userId: target.id }), 404, 'NOT_FOUND');
    expectError(await f.api.install(admin, { catalogId: String(foreign._id) }), 404, 'NOT_FOUND');
  });

  it('records one audit entry naming the actor, the target and the installation', async () => {
    const { admin, target, catalogId } = await world();
    const res = await f.api.install(admin, { catalogId, userId: target.id });
    await f.api.install(admin, { catalogId, userId: target.id });

    const entries = await f.raw.audit({ action: AuditAction.INSTALLATION_CREATE, targetId: target.id });

    expect(entries).toHaveLength(1);
    expect(String(entries[0]?.actorId)).toBe(admin.id);
    expect(entries[0]).toMatchObject({
      targetType: 'user',
      details: { installationId: installationOf(res).id, catalogId, scope: 'personal', onBehalf: true },
    });
  });

  it('works the same with an admin API key (the Terraform path), including read-back and delete', async () => {
    const { admin, target, catalogId } = await world();
    const token = await ctx.apiKeyFor(admin);

    const created = await f.api.install({ token }, { catalogId, userId: target.id });
    const replay = await f.api.install({ token }, { catalogId, userId: target.id });
    const read = await f.api.get({ token }, installationOf(created).id);
    const removed = await f.api.remove({ token }, installationOf(created).id);

    expect(created.status).toBe(201);
    expect(installationOf(created)).toMatchObject({ ownerId: target.id, installedBy: admin.id, users: [target.id] });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(created.body);
    expect(installationOf(read).ownerId).toBe(target.id);
    expect(removed.status).toBe(204);
    expect(await f.raw.installations({ ownerId: target._id })).toHaveLength(0);
  });
});
