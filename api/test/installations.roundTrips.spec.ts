import request from 'supertest';
import { Mongoose } from 'mongoose';
import { ALL_PERMISSION_BITS, McpServerSource, McpTransport, PermissionBits, ResourceType, SystemRoles } from '@mcp-registry/data-provider';
import { createOrganization, createUserAccount } from '@mcp-registry/api';
import { createCredentialCipher, createLogger, createMethods, ensureIndexes } from '@mcp-registry/data-schemas';
import type { Methods } from '@mcp-registry/data-schemas';
import { createApp } from '../server/app';
import type { App } from '../server/app';
import { testDatabaseUri } from '../../test/testDatabase';
import { testConfig } from './support/testConfig';

/**
 * Database round trips per request, counted with the driver's command monitoring on a warm caller cache: an install
 * replay sends at most 4 commands and writes nothing, a list page or a GET at most 2.
 */
const WRITE_COMMANDS = ['insert', 'update', 'delete', 'findAndModify'];

let mongoose: Mongoose;
let commands: string[] = [];

function newApp(): { app: App; methods: Methods } {
  const config = testConfig();
  const methods = createMethods(mongoose, { cipher: createCredentialCipher(config.credsKey) });
  const app = createApp({ config, methods, logger: createLogger({ silent: true }), isReady: async () => true });
  return { app, methods };
}

beforeAll(async () => {
  mongoose = new Mongoose();
  await mongoose.connect(testDatabaseUri('installations-roundTrips'), { monitorCommands: true });
  createMethods(mongoose);
  await ensureIndexes(mongoose);
  mongoose.connection.getClient().on('commandStarted', (event) => commands.push(event.commandName));
});
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
});

async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  commands = [];
  const result = await fn();
  return { result, sent: [...commands] };
}

async function world({ app, methods }: { app: App; methods: Methods }) {
  const deps = { ...methods, logger: createLogger({ silent: true }) };
  const org = await createOrganization(deps, { name: 'Round trips', slug: `rt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}` });
  const user = (role: string, email: string) => createUserAccount(deps, String(org._id), { email, name: email, password: 'long-enough-password', role });
  const admin = await user(SystemRoles.ADMIN, `admin-${Date.now()}-${Math.random()}@example.test`);
  const target = await user(SystemRoles.USER, `target-${Date.now()}-${Math.random()}@example.test`);
  const server = await methods.insertMcpServer({
    organizationId: org._id,
    serverName: `rt-${Date.now().toString(36)}`,
    title: 'Round trips',
    config: { type: McpTransport.STREAMABLE_HTTP, url: 'https://rt.example.test/mcp' },
    source: McpServerSource.USER,
    author: admin._id,
    viewers: [],
  });
  const grant = (id: unknown, permBits: number) =>
    methods.grantPermission({ organizationId: org._id, principal: { type: 'user', id: String(id) }, resourceType: ResourceType.MCP_SERVER, resourceId: server._id, permBits });
  await grant(admin._id, ALL_PERMISSION_BITS);
  await grant(target._id, PermissionBits.VIEW);
  const bearer = (u: { _id: unknown; organizationId: unknown }) => `Bearer ${app.tokens.signAccessToken({ sub: String(u._id), org: String(u.organizationId) })}`;
  const installFor = async (u: { _id: unknown }) => {
    await grant(u._id, PermissionBits.VIEW);
    return request(app).post('/api/mcp_server').set('Authorization', bearer(admin)).send({ catalogId: String(server._id), userId: String(u._id) });
  };
  const makeUser = (i: number) => user(SystemRoles.USER, `p${i}-${Date.now()}-${Math.random()}@example.test`);
  const installTarget = () => request(app).post('/api/mcp_server').set('Authorization', bearer(admin)).send({ catalogId: String(server._id), userId: String(target._id) });
  return { admin, target, server, bearer, installFor, installTarget, makeUser };
}

describe('database round trips', () => {
  it('an admin replaying an on-behalf install sends at most 4 commands and writes nothing', async () => {
    const send = (await world(newApp())).installTarget;
    expect((await send()).status).toBe(201);

    const { result, sent } = await counted(send);

    expect(result.status).toBe(200);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.filter((name) => WRITE_COMMANDS.includes(name))).toEqual([]);
  });

  it('a user replaying their own install sends at most 4 commands', async () => {
    const subject = newApp();
    const { target, server, bearer } = await world(subject);
    const send = () => request(subject.app).post('/api/mcp_server').set('Authorization', bearer(target)).send({ catalogId: String(server._id) });
    expect((await send()).status).toBe(201);

    const { result, sent } = await counted(send);

    expect(result.status).toBe(200);
    expect(sent.length).toBeLessThanOrEqual(4);
  });

  it('a list page and a GET send at most 2 commands whatever the page size', async () => {
    const subject = newApp();
    const { admin, bearer, installFor, makeUser } = await world(subject);
    for (let i = 0; i < 30; i += 1) await installFor(await makeUser(i));

    const list = await counted(() => request(subject.app).get('/api/mcp_server?limit=25').set('Authorization', bearer(admin)));
    const id = (list.result.body as { data: Array<{ id: string }> }).data[0]?.id;
    const get = await counted(() => request(subject.app).get(`/api/mcp_server/${id}`).set('Authorization', bearer(admin)));

    expect(list.result.status).toBe(200);
    expect((list.result.body as { data: unknown[] }).data).toHaveLength(25);
    expect(list.sent.length).toBeLessThanOrEqual(2);
    expect(get.result.status).toBe(200);
    expect(get.sent.length).toBeLessThanOrEqual(2);
  });
});

describe('install after delete', () => {
  it('a replay after the installation was deleted installs it again', async () => {
    const subject = newApp();
    const { target, server, admin, bearer, installTarget: send } = await world(subject);
    const first = await send();
    expect((await send()).status).toBe(200);

    const removed = await request(subject.app).delete(`/api/mcp_server/${first.body.id}`).set('Authorization', bearer(admin));
    const again = await send();

    expect(removed.status).toBe(204);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect(await subject.methods.findInstallationByKey({ organizationId: admin.organizationId, catalogId: server._id, scope: 'personal', ownerId: target._id })).toMatchObject({ _id: expect.anything() });
  });
});
