import { InstallationStatus } from '@mcp-registry/data-provider';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';
import { installationFixtures, installationOf } from './installations.fixtures';

let ctx: TestContext;
let f: ReturnType<typeof installationFixtures>;
const SECRET = 'sk-live-very-secret-value-123';

beforeAll(async () => {
  ctx = await createTestContext('installations-credentials');
  f = installationFixtures(ctx);
});
afterAll(() => ctx.close());

async function world(customUserVars?: string[]) {
  const org = await ctx.makeOrg();
  const admin = await ctx.makeAdmin(org);
  const target = await ctx.makeUser(org);
  const server = await f.makeServer(admin, { shareWith: [target], customUserVars });
  return { org, admin, target, server, catalogId: String(server._id) };
}

describe('customUserVars are write-only and encrypted at rest', () => {
  it('stores the values as a credential envelope and answers only hasCustomUserVars', async () => {
    const w = await world(['API_KEY']);

    const res = await f.api.install(w.admin, { catalogId: w.catalogId, userId: w.target.id, customUserVars: { API_KEY: SECRET } });

    expect(res.status).toBe(201);
    expect(installationOf(res).hasCustomUserVars).toBe(true);
    expect(installationOf(res).status).toBe(InstallationStatus.ACTIVE);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const [doc] = await f.raw.installations({ catalogId: w.server._id });
    expect(doc?.customUserVars).toMatch(/^v1:[0-9a-f]{8}:/);
    expect(JSON.stringify(doc)).not.toContain(SECRET);
    expect(await ctx.methods.readInstallationCustomUserVars(w.org._id, installationOf(res).id)).toEqual({ API_KEY: SECRET });
  });

  it('never returns the values from GET, list or the audit log', async () => {
    const w = await world(['API_KEY']);
    const created = installationOf(await f.api.install(w.target, { catalogId: w.catalogId, customUserVars: { API_KEY: SECRET } }));

    const read = await f.api.get(w.target, created.id);
    const list = await f.api.list(w.admin);
    const audit = await f.raw.audit({});

    expect(read.body).toEqual(created);
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it('an installation missing a declared variable says needs_configuration', async () => {
    const w = await world(['API_KEY', 'WORKSPACE']);

    const res = await f.api.install(w.admin, { catalogId: w.catalogId, userId: w.target.id, customUserVars: { API_KEY: SECRET } });

    expect(installationOf(res)).toMatchObject({ status: InstallationStatus.NEEDS_CONFIGURATION, hasCustomUserVars: true });
  });

  it('the idempotent replay leaves the stored values untouched', async () => {
    const w = await world(['API_KEY']);
    const first = await f.api.install(w.admin, { catalogId: w.catalogId, userId: w.target.id, customUserVars: { API_KEY: SECRET } });

    const again = await f.api.install(w.admin, { catalogId: w.catalogId, userId: w.target.id, customUserVars: { API_KEY: 'other' } });

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await ctx.methods.readInstallationCustomUserVars(w.org._id, installationOf(first).id)).toEqual({ API_KEY: SECRET });
  });

  it('deleting the installation deletes the stored credentials with it', async () => {
    const w = await world(['API_KEY']);
    const created = installationOf(await f.api.install(w.target, { catalogId: w.catalogId, customUserVars: { API_KEY: SECRET } }));

    expect((await f.api.remove(w.target, created.id)).status).toBe(204);

    expect(await ctx.methods.readInstallationCustomUserVars(w.org._id, created.id)).toBeNull();
    expect(await f.raw.installations({ catalogId: w.server._id })).toHaveLength(0);
  });
});
