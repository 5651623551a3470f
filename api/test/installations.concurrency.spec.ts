import type { Server } from 'node:http';
import request from 'supertest';
import { Types } from 'mongoose';
import type { Response } from 'supertest';
import { AuditAction } from '@mcp-registry/data-provider';
import type { InstallationDto } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectFullShape, installationFixtures } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;
let http: Server;

beforeAll(async () => {
  ctx = await createTestContext('installations-concurrency');
  f = installationFixtures(ctx);
  http = ctx.app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await ctx.close();
});

function install(caller: TestUser, body: object): Promise<Response> {
  return request(http).post('/api/mcp_server').set('Authorization', `Bearer ${ctx.tokenFor(caller)}`).send(body);
}

function expectOneAnswer(responses: Response[]): InstallationDto {
  const statuses = responses.map((r) => r.status);
  expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  const bodies = responses.map((r) => r.body as InstallationDto);
  expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
  bodies.forEach(expectFullShape);
  return bodies[0]!;
}

describe('concurrent installs of the same key', () => {
  it('50 identical on-behalf requests produce one installation and one assignment row, all answered with its id', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const target = await ctx.makeUser(org);
    const server = await f.makeServer(admin, { shareWith: [target] });
    const body = { catalogId: String(server._id), userId: target.id };

    const responses = await Promise.all(Array.from({ length: 50 }, () => install(admin, body)));

    const installation = expectOneAnswer(responses);
    expect(installation).toMatchObject({ ownerId: target.id, users: [target.id], installedBy: admin.id });
    for (const r of responses) expect(r.body).toEqual(installation);
    const docs = await f.raw.installations({ catalogId: server._id });
    expect(docs).toHaveLength(1);
    expect(await f.raw.assignments({ installationId: docs[0]?._id })).toHaveLength(1);
    expect(await f.raw.audit({ action: AuditAction.INSTALLATION_CREATE, targetId: target.id })).toHaveLength(1);
  });

  it("an admin's on-behalf installs racing the target's own end in one installation owned by the target", async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const target = await ctx.makeUser(org);
    const server = await f.makeServer(admin, { shareWith: [target] });
    const catalogId = String(server._id);

    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? install(admin, { catalogId, userId: target.id }) : install(target, { catalogId }))),
    );

    const installation = expectOneAnswer(responses);
    expect(installation.ownerId).toBe(target.id);
    expect(installation.users).toEqual([target.id]);
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(1);
    expect(await f.raw.assignments({ userId: target._id })).toHaveLength(1);
  });

  it('concurrent team and org installs of one server end in one installation each', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const group = await ctx.makeGroup(org, [admin], { memberRole: 'admin' });
    const server = await f.makeServer(admin);
    const catalogId = String(server._id);

    const responses = await Promise.all([
      ...Array.from({ length: 20 }, () => install(admin, { catalogId, scope: 'team', teamId: String(group._id) })),
      ...Array.from({ length: 20 }, () => install(admin, { catalogId, scope: 'org' })),
    ]);

    const team = expectOneAnswer(responses.slice(0, 20));
    const orgWide = expectOneAnswer(responses.slice(20));
    expect(team.teamId).toBe(String(group._id));
    expect(orgWide.scope).toBe('org');
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(2);
  });

  it('the unique partial indexes themselves refuse a second installation with the same key', async () => {
    const org = await ctx.makeOrg();
    const admin = await ctx.makeAdmin(org);
    const group = await ctx.makeGroup(org, [admin], { memberRole: 'admin' });
    const server = await f.makeServer(admin);
    const catalogId = String(server._id);
    const personal = await install(admin, { catalogId });
    await install(admin, { catalogId, scope: 'team', teamId: String(group._id) });
    await install(admin, { catalogId, scope: 'org' });
    const collection = ctx.mongoose.connection.db!.collection('mcpinstallations');
    const base = { organizationId: org._id, catalogId: server._id, serverName: server.serverName, installedBy: admin._id };

    await expect(collection.insertOne({ ...base, scope: 'personal', ownerId: admin._id })).rejects.toMatchObject({ code: 11000 });
    await expect(collection.insertOne({ ...base, scope: 'team', teamId: group._id })).rejects.toMatchObject({ code: 11000 });
    await expect(collection.insertOne({ ...base, scope: 'org' })).rejects.toMatchObject({ code: 11000 });
    const assignment = { organizationId: org._id, installationId: new Types.ObjectId((personal.body as InstallationDto).id), userId: admin._id };
    await expect(ctx.mongoose.connection.db!.collection('mcpserverusers').insertOne(assignment)).rejects.toMatchObject({ code: 11000 });
    expect(await f.raw.installations({ catalogId: server._id })).toHaveLength(3);
  });
});
