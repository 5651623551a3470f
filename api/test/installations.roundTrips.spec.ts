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
 * Database round trips per request, counted with the driver's command monitoring on a warm caller cache (the
 * steady state): an idempotent install replay sends at most 4 commands, a list page or a GET at most 2.
 */
let mongoose: Mongoose;
let methods: Methods;
let app: App;
let commands: string[] = [];

beforeAll(async () => {
  mongoose = new Mongoose();
  await mongoose.connect(testDatabaseUri('installations-roundTrips'), { monitorCommands: true });
  const config = testConfig();
  methods = createMethods(mongoose, { cipher: createCredentialCipher(config.credsKey) });
  await ensureIndexes(mongoose);
  app = createApp({ config, methods, logger: createLogger({ silent: true }), isReady: async () => true });
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

async function world() {
  const deps = { ...methods, logger: createLogger({ silent: true }) };
  const org = await createOrganization(deps, { name: 'Round trips', slug: `rt-${Date.now().toString(36)}` });
  const user = (role: string, email: string) => createUserAccount(deps, String(org._id), { email, name: email, password: 'long-enough-password', role });
  const admin = await user(SystemRoles.ADMIN, `admin-${Date.now()}@example.test`);
  const target = await user(SystemRoles.USER, `target-${Date.now()}@example.test`);
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
  return { admin, target, server, bearer };
}

describe('database round trips', () => {
  it('an admin replaying an on-behalf install sends at most 4 commands and reads nothing back', async () => {
    const { target, server, admin, bearer } = await world();
    const body = { catalogId: String(server._id), userId: String(target._id) };
    const send = () => request(app).post('/api/mcp_server').set('Authorization', bearer(admin)).send(body);
    expect((await send()).status).toBe(201);

    const { result, sent } = await counted(send);

    expect(result.status).toBe(200);
    expect(sent.length).toBeLessThanOrEqual(4);
    expect(sent.slice(-2)).toEqual(['findAndModify', 'update']);
  });

  it('a user replaying their own install sends at most 4 commands', async () => {
    const { target, server, bearer } = await world();
    const send = () => request(app).post('/api/mcp_server').set('Authorization', bearer(target)).send({ catalogId: String(server._id) });
    expect((await send()).status).toBe(201);

    const { result, sent } = await counted(send);

    expect(result.status).toBe(200);
    expect(sent.length).toBeLessThanOrEqual(4);
  });

  it('a list page and a GET send at most 2 commands whatever the page size', async () => {
    const { admin, server, bearer } = await world();
    const deps = { ...methods, logger: createLogger({ silent: true }) };
    for (let i = 0; i < 30; i += 1) {
      const u = await createUserAccount(deps, String(admin.organizationId), { email: `p${i}-${Date.now()}@example.test`, password: 'long-enough-password', role: SystemRoles.USER });
      await methods.grantPermission({ organizationId: admin.organizationId, principal: { type: 'user', id: String(u._id) }, resourceType: ResourceType.MCP_SERVER, resourceId: server._id, permBits: PermissionBits.VIEW });
      await request(app).post('/api/mcp_server').set('Authorization', bearer(admin)).send({ catalogId: String(server._id), userId: String(u._id) });
    }
    await request(app).get('/api/mcp_server').set('Authorization', bearer(admin));

    const list = await counted(() => request(app).get('/api/mcp_server?limit=25').set('Authorization', bearer(admin)));
    const id = (list.result.body as { data: Array<{ id: string }> }).data[0]?.id;
    const get = await counted(() => request(app).get(`/api/mcp_server/${id}`).set('Authorization', bearer(admin)));

    expect(list.result.status).toBe(200);
    expect((list.result.body as { data: unknown[] }).data).toHaveLength(25);
    expect(list.sent.length).toBeLessThanOrEqual(2);
    expect(get.result.status).toBe(200);
    expect(get.sent.length).toBeLessThanOrEqual(2);
  });
});
