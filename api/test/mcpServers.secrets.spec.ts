import { Writable } from 'node:stream';
import request from 'supertest';
import type { Response } from 'supertest';
import { createLogger } from '@mcp-registry/data-schemas';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createApp } from '../server/app';
import type { App } from '../server/app';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { offlineLookup } from './support/offlineLookup';

const SECRETS = {
  header: 'hdr-5ecret-value-9f1c',
  clientSecret: 'oauth-5ecret-value-77aa',
  apiKey: 'adminkey-5ecret-value-31be',
  newHeader: 'hdr-5ecret-rotated-0d0d',
};

let ctx: TestContext;
let app: App;
let logLines: string[];
let org: IOrganization;
let owner: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-secrets');
  logLines = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: 'silly', json: true, stream: sink });
  app = createApp({ config: ctx.config, methods: ctx.methods, logger, isReady: async () => true, lookup: offlineLookup() });
  org = await ctx.makeOrg();
  owner = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

const auth = () => `Bearer ${ctx.tokenFor(owner)}`;
const secretValues = Object.values(SECRETS);

function expectNoSecret(res: Response): void {
  const text = JSON.stringify(res.body) + JSON.stringify(res.headers);
  for (const secret of secretValues) expect(text).not.toContain(secret);
}

const body = {
  title: 'Secret Keeper',
  config: {
    type: 'streamable-http',
    url: 'https://secrets.example.com/mcp',
    headers: { 'X-Api-Token': SECRETS.header, 'X-Team': 'platform' },
    oauth: {
      authorization_url: 'https://auth.example.com/authorize',
      token_url: 'https://auth.example.com/token',
      client_id: 'registry-client',
      client_secret: SECRETS.clientSecret,
      scope: 'read write',
    },
    apiKey: { source: 'admin', key: SECRETS.apiKey, authorization_type: 'bearer' },
  },
};

describe('secrets of a server', () => {
  it('never appear in any response or log line, while the shape says they are set', async () => {
    const responses: Response[] = [];
    const created = await request(app).post('/api/mcp/servers').set('Authorization', auth()).send(body);
    responses.push(created);
    expect(created.status).toBe(201);
    expect(created.body.config).toEqual({
      type: 'streamable-http',
      url: 'https://secrets.example.com/mcp',
      headerNames: ['X-Api-Token', 'X-Team'],
      oauth: {
        authorization_url: 'https://auth.example.com/authorize',
        token_url: 'https://auth.example.com/token',
        client_id: 'registry-client',
        scope: 'read write',
        hasClientSecret: true,
      },
      apiKey: { source: 'admin', authorization_type: 'bearer', hasKey: true },
    });
    const name = created.body.serverName as string;
    responses.push(await request(app).get(`/api/mcp/servers/${name}`).set('Authorization', auth()));
    responses.push(await request(app).get('/api/mcp/servers').set('Authorization', auth()));
    const patched = await request(app)
      .patch(`/api/mcp/servers/${name}`)
      .set('Authorization', auth())
      .send({ version: created.body.version, config: { headers: { 'X-Api-Token': SECRETS.newHeader } } });
    responses.push(patched);
    expect(patched.status).toBe(200);
    const invalid = await request(app)
      .post('/api/mcp/servers')
      .set('Authorization', auth())
      .send({ ...body, config: { ...body.config, headers: { Host: SECRETS.header } } });
    responses.push(invalid);
    expect(invalid.status).toBe(400);
    const reentry = await request(app)
      .patch(`/api/mcp/servers/${name}`)
      .set('Authorization', auth())
      .send({ version: patched.body.version, config: { url: 'https://moved.example.com/mcp' } });
    responses.push(reentry);
    expect(reentry.status).toBe(400);
    responses.push(await request(app).get(`/api/permissions/mcpServer/${created.body.id}`).set('Authorization', auth()));

    responses.forEach(expectNoSecret);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) for (const secret of secretValues) expect(line).not.toContain(secret);
    const audit = JSON.stringify(await ctx.methods.listAuditEntries({ organizationId: org._id, limit: 100 }));
    for (const secret of secretValues) expect(audit).not.toContain(secret);
  });

  it('are encrypted at rest and still decrypt to what was sent', async () => {
    const created = await request(app).post('/api/mcp/servers').set('Authorization', auth()).send({ ...body, title: 'At Rest' });
    const raw = await ctx.mongoose.connection.db!.collection('mcpservers').findOne({ serverName: created.body.serverName });
    const text = JSON.stringify(raw);
    for (const secret of secretValues) expect(text).not.toContain(secret);
    expect(text).toContain('v1:');
    const plain = await ctx.methods.revealMcpServerConfig(org._id, created.body.id);
    expect(plain?.headers).toEqual({ 'X-Api-Token': SECRETS.header, 'X-Team': 'platform' });
    expect(plain?.oauth?.client_secret).toBe(SECRETS.clientSecret);
    expect(plain?.apiKey?.key).toBe(SECRETS.apiKey);
  });

  it('are kept by a patch that omits them and removed by null', async () => {
    const created = await request(app).post('/api/mcp/servers').set('Authorization', auth()).send({ ...body, title: 'Keep Or Drop' });
    const res = await request(app)
      .patch(`/api/mcp/servers/${created.body.serverName}`)
      .set('Authorization', auth())
      .send({ version: created.body.version, description: 'only text changed', config: { headers: { 'X-Team': null } } });
    expect(res.status).toBe(200);
    expect(res.body.config.headerNames).toEqual(['X-Api-Token']);
    expect(res.body.config.oauth.hasClientSecret).toBe(true);
    const plain = await ctx.methods.revealMcpServerConfig(org._id, created.body.id);
    expect(plain?.headers).toEqual({ 'X-Api-Token': SECRETS.header });
    expect(plain?.oauth?.client_secret).toBe(SECRETS.clientSecret);

    const cleared = await request(app)
      .patch(`/api/mcp/servers/${created.body.serverName}`)
      .set('Authorization', auth())
      .send({ version: res.body.version, config: { oauth: { client_secret: null }, apiKey: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.config.oauth.hasClientSecret).toBe(false);
    expect(cleared.body.config.apiKey).toBeUndefined();
    const after = await ctx.methods.revealMcpServerConfig(org._id, created.body.id);
    expect(after?.oauth?.client_secret).toBeUndefined();
    expect(after?.apiKey).toBeUndefined();
  });
});
