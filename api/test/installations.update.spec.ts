import { Types } from 'mongoose';
import { AuditAction, InstallationStatus, Permissions } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { expectError } from './support/expectError';
import { expectFullShape, installationFixtures, installationOf } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;
const OLD_SECRET = 'sk-old-secret-value';
const NEW_SECRET = 'sk-new-secret-value';

beforeAll(async () => {
  ctx = await createTestContext('installations-update');
  f = installationFixtures(ctx);
});
afterAll(() => ctx.close());

/** An organisation whose USER role cannot update installations, and a user whose custom role can. */
async function world() {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const updaterRole = await f.makeRole(org, {
    MCP_SERVERS: { [Permissions.USE]: true },
    MCP_SERVER_INSTALLATIONS: { [Permissions.READ]: true, [Permissions.CREATE]: true, [Permissions.UPDATE]: true, [Permissions.DELETE]: true },
  });
  const owner = await ctx.makeUser(org, { role: updaterRole });
  const other = await ctx.makeUser(org, { role: updaterRole });
  const plain = await ctx.makeUser(org);
  const server = await f.makeServer(admin, { shareWith: [owner, other, plain], customUserVars: ['API_KEY', 'WORKSPACE'] });
  const created = await f.api.install(owner, { catalogId: String(server._id), customUserVars: { API_KEY: OLD_SECRET } });
  return { org, admin, owner, other, plain, server, installation: installationOf(created) };
}

const storedVars = (w: Awaited<ReturnType<typeof world>>) => ctx.methods.readInstallationCustomUserVars(w.org._id, w.installation.id);

describe('PATCH /api/mcp_server/:id', () => {
  it('the owner replaces the custom user variables: encrypted again, the status follows, the answer is what GET returns', async () => {
    const w = await world();
    expect(w.installation.status).toBe(InstallationStatus.NEEDS_CONFIGURATION);

    const res = await f.api.update(w.owner, w.installation.id, { customUserVars: { API_KEY: NEW_SECRET, WORKSPACE: 'w1' } });

    expect(res.status).toBe(200);
    expectFullShape(installationOf(res));
    expect(installationOf(res)).toMatchObject({ id: w.installation.id, status: InstallationStatus.ACTIVE, hasCustomUserVars: true, ownerId: w.owner.id });
    expect(JSON.stringify(res.body)).not.toContain(NEW_SECRET);
    expect((await f.api.get(w.owner, w.installation.id)).body).toEqual(res.body);
    expect(await storedVars(w)).toEqual({ API_KEY: NEW_SECRET, WORKSPACE: 'w1' });
    const [doc] = await f.raw.installations({ _id: new Types.ObjectId(w.installation.id) });
    expect(doc?.customUserVars).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(JSON.stringify(doc)).not.toContain(NEW_SECRET);
  });

  it('null clears the variables and the status says needs_configuration again', async () => {
    const w = await world();

    const res = await f.api.update(w.owner, w.installation.id, { customUserVars: null });

    expect(installationOf(res)).toMatchObject({ status: InstallationStatus.NEEDS_CONFIGURATION, hasCustomUserVars: false });
    expect(await storedVars(w)).toEqual({});
  });

  it('status alone may be set, but not active while a declared variable has no value (400 naming status, nothing changed)', async () => {
    const w = await world();

    const refused = await f.api.update(w.owner, w.installation.id, { status: InstallationStatus.ACTIVE });
    expect(expectError(refused, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ field: 'status', location: 'body' })]);
    expect(installationOf(await f.api.get(w.owner, w.installation.id)).status).toBe(InstallationStatus.NEEDS_CONFIGURATION);

    await f.api.update(w.owner, w.installation.id, { customUserVars: { API_KEY: 'a', WORKSPACE: 'b' } });
    const paused = await f.api.update(w.owner, w.installation.id, { status: InstallationStatus.NEEDS_CONFIGURATION });
    expect(installationOf(paused).status).toBe(InstallationStatus.NEEDS_CONFIGURATION);
    expect(await storedVars(w)).toEqual({ API_KEY: 'a', WORKSPACE: 'b' });
  });

  it.each(['ownerId', 'scope', 'catalogId', 'teamId', 'userId'])('refuses to change %s: 400 naming the field, nothing changed', async (field) => {
    const w = await world();

    const res = await f.api.update(w.owner, w.installation.id, { [field]: new Types.ObjectId().toHexString(), customUserVars: { API_KEY: NEW_SECRET } });

    const error = expectError(res, 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([expect.objectContaining({ field, location: 'body', message: expect.stringMatching(/cannot be changed/i) })]);
    expect(await storedVars(w)).toEqual({ API_KEY: OLD_SECRET });
  });

  it('refuses an empty body, an unknown field and malformed values', async () => {
    const w = await world();

    expectError(await f.api.update(w.owner, w.installation.id, {}), 400, 'VALIDATION_FAILED');
    expect(expectError(await f.api.update(w.owner, w.installation.id, { status: 'active', colour: 'red' }), 400, 'VALIDATION_FAILED').details).toEqual([
      expect.objectContaining({ field: 'colour' }),
    ]);
    expectError(await f.api.update(w.owner, w.installation.id, { status: 'paused' }), 400, 'VALIDATION_FAILED');
    expectError(await f.api.update(w.owner, w.installation.id, { customUserVars: { API_KEY: 42 } }), 400, 'VALIDATION_FAILED');
    expectError(await f.api.update(w.owner, w.installation.id, { customUserVars: ['x'] }), 400, 'VALIDATION_FAILED');
    expectError(await f.api.update(w.owner, 'not-an-id', { status: 'active' }), 400, 'VALIDATION_FAILED');
    expect(await storedVars(w)).toEqual({ API_KEY: OLD_SECRET });
  });

  it('a role without MCP_SERVER_INSTALLATIONS:UPDATE gets 403 even on its own installation', async () => {
    const w = await world();
    const own = installationOf(await f.api.install(w.plain, { catalogId: String(w.server._id) }));

    expectError(await f.api.update(w.plain, own.id, { customUserVars: { API_KEY: NEW_SECRET } }), 403, 'FORBIDDEN');
    expect(await ctx.methods.readInstallationCustomUserVars(w.org._id, own.id)).toEqual({});
  });

  it('someone else’s personal installation is 404 (invisible), an organisation installation without ADMIN is 403', async () => {
    const w = await world();
    const orgWide = installationOf(await f.api.install(w.admin, { catalogId: String(w.server._id), scope: 'org' }));

    expectError(await f.api.update(w.other, w.installation.id, { customUserVars: { API_KEY: NEW_SECRET } }), 404, 'NOT_FOUND');
    expectError(await f.api.update(w.other, orgWide.id, { customUserVars: { API_KEY: NEW_SECRET } }), 403, 'FORBIDDEN');
    expect(await storedVars(w)).toEqual({ API_KEY: OLD_SECRET });
    expect(await ctx.methods.readInstallationCustomUserVars(w.org._id, orgWide.id)).toEqual({});
  });

  it('an ADMIN holder updates anyone’s installation; the audit entry names the variables, never their values', async () => {
    const w = await world();

    const res = await f.api.update(w.admin, w.installation.id, { customUserVars: { API_KEY: NEW_SECRET, WORKSPACE: 'w' } });

    expect(res.status).toBe(200);
    const entries = await f.raw.audit({ action: AuditAction.INSTALLATION_UPDATE, targetId: w.installation.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ details: { fields: ['customUserVars'], customUserVarNames: ['API_KEY', 'WORKSPACE'], status: 'active' } });
    expect(JSON.stringify(entries)).not.toContain(NEW_SECRET);
  });

  it('an installation of another organisation and a deleted one are 404', async () => {
    const w = await world();
    const foreignAdmin = await ctx.makeAdmin(await ctx.makeOrg());

    expectError(await f.api.update(foreignAdmin, w.installation.id, { status: 'needs_configuration' }), 404, 'NOT_FOUND');
    expect((await f.api.remove(w.owner, w.installation.id)).status).toBe(204);
    expectError(await f.api.update(w.owner, w.installation.id, { status: 'needs_configuration' }), 404, 'NOT_FOUND');
  });
});
