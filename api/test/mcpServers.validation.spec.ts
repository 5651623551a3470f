import request from 'supertest';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createApp } from '../server/app';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { detailFields, expectError } from './support/expectError';
import { bearerFor, makeServer } from './support/mcpServers';
import { offlineLookup } from './support/offlineLookup';

let ctx: TestContext;
let org: IOrganization;
let owner: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcpServers-validation');
  org = await ctx.makeOrg();
  owner = await ctx.makeUser(org);
});
afterAll(() => ctx.close());

const URL_OK = 'https://mcp.example.com/mcp';
const oauthOk = { authorization_url: 'https://auth.example.com/a', token_url: 'https://auth.example.com/t', client_id: 'c', client_secret: 's' };
const withConfig = (config: Record<string, unknown>) => ({ title: 'Invalid', config: { type: 'streamable-http', url: URL_OK, ...config } });

const post = (body: unknown) => request(ctx.app).post('/api/mcp/servers').set('Authorization', bearerFor(ctx, owner)).send(body as object);

const cases: Array<[string, unknown, string]> = [
  ['an unknown top-level field (serverName is derived, not sent)', { title: 'x', serverName: 'x', config: { type: 'sse', url: URL_OK } }, 'serverName'],
  ['an unknown config field', withConfig({ command: 'rm -rf /' }), 'config.command'],
  ['an unknown oauth field', withConfig({ oauth: { ...oauthOk, grant: 'x' } }), 'config.oauth.grant'],
  ['an unknown apiKey field', withConfig({ apiKey: { source: 'user', authorization_type: 'bearer', extra: 1 } }), 'config.apiKey.extra'],
  ['a missing title', { config: { type: 'sse', url: URL_OK } }, 'title'],
  ['a blank title', { title: '   ', config: { type: 'sse', url: URL_OK } }, 'title'],
  ['a title over 100 characters', { title: 'x'.repeat(101), config: { type: 'sse', url: URL_OK } }, 'title'],
  ['a description over 2000 characters', { title: 'x', description: 'd'.repeat(2001), config: { type: 'sse', url: URL_OK } }, 'description'],
  ['a null description on create', { title: 'x', description: null, config: { type: 'sse', url: URL_OK } }, 'description'],
  ['an iconPath that is neither http(s) nor a path', { title: 'x', iconPath: 'javascript:alert(1)', config: { type: 'sse', url: URL_OK } }, 'iconPath'],
  ['a missing config', { title: 'x' }, 'config'],
  ['a config that is not an object', { title: 'x', config: 'https://x' }, 'config'],
  ['an unknown transport', withConfig({ type: 'websocket' }), 'config.type'],
  ['a stdio transport (configuration file only)', withConfig({ type: 'stdio' }), 'config.type'],
  ['a missing url', { title: 'x', config: { type: 'sse' } }, 'config.url'],
  ['a url that does not parse', withConfig({ url: 'not a url' }), 'config.url'],
  ['a url whose scheme does not fit the transport', withConfig({ url: 'ftp://mcp.example.com/x' }), 'config.url'],
  ['a ws: url', withConfig({ url: 'ws://mcp.example.com/x' }), 'config.url'],
  ['a ${…} placeholder in the url', withConfig({ url: 'https://${HOST}/mcp' }), 'config.url'],
  ['a {{…}} placeholder in the url', withConfig({ url: 'https://mcp.example.com/{{tenant}}/mcp' }), 'config.url'],
  ['a percent-encoded placeholder in the url', withConfig({ url: 'https://mcp.example.com/%7B%7Btenant%7D%7D' }), 'config.url'],
  ['credentials in the url', withConfig({ url: 'https://user:pass@mcp.example.com/mcp' }), 'config.url'],
  ['a header name with a space', withConfig({ headers: { 'Bad Name': 'v' } }), 'config.headers'],
  ['a header name with CR/LF', withConfig({ headers: { 'X-A\r\nX-B': 'v' } }), 'config.headers'],
  ['a header value with CR/LF', withConfig({ headers: { 'X-A': 'v\r\nInjected: 1' } }), 'config.headers'],
  ['a Host header', withConfig({ headers: { Host: 'internal' } }), 'config.headers'],
  ['a Cookie header', withConfig({ headers: { cookie: 'a=b' } }), 'config.headers'],
  ['a Content-Length header', withConfig({ headers: { 'Content-Length': '0' } }), 'config.headers'],
  ['a Proxy-* header', withConfig({ headers: { 'Proxy-Authorization': 'Basic x' } }), 'config.headers'],
  ['a header value that is not a string', withConfig({ headers: { 'X-A': 5 } }), 'config.headers'],
  ['the same header twice (any case)', withConfig({ headers: { 'X-A': '1', 'x-a': '2' } }), 'config.headers'],
  ['a client_secret without client_id', withConfig({ oauth: { ...oauthOk, client_id: undefined } }), 'config.oauth.client_id'],
  ['a client_secret without token_url', withConfig({ oauth: { ...oauthOk, token_url: undefined } }), 'config.oauth.token_url'],
  ['a client_secret without authorization_url', withConfig({ oauth: { ...oauthOk, authorization_url: undefined } }), 'config.oauth.authorization_url'],
  ['an oauth URL that is not http(s)', withConfig({ oauth: { ...oauthOk, token_url: 'file:///etc/passwd' } }), 'config.oauth.token_url'],
  ['a placeholder in an oauth URL', withConfig({ oauth: { ...oauthOk, authorization_url: 'https://{{idp}}/a' } }), 'config.oauth.authorization_url'],
  ['an unknown token_exchange_method', withConfig({ oauth: { ...oauthOk, token_exchange_method: 'magic' } }), 'config.oauth.token_exchange_method'],
  ['an apiKey without source', withConfig({ apiKey: { authorization_type: 'bearer' } }), 'config.apiKey.source'],
  ['an apiKey without authorization_type', withConfig({ apiKey: { source: 'user' } }), 'config.apiKey.authorization_type'],
  ['an admin apiKey without key', withConfig({ apiKey: { source: 'admin', authorization_type: 'bearer' } }), 'config.apiKey.key'],
  ['a user apiKey with a key', withConfig({ apiKey: { source: 'user', key: 'k', authorization_type: 'bearer' } }), 'config.apiKey.key'],
  ['a custom apiKey without custom_header', withConfig({ apiKey: { source: 'user', authorization_type: 'custom' } }), 'config.apiKey.custom_header'],
  ['a forbidden custom_header', withConfig({ apiKey: { source: 'user', authorization_type: 'custom', custom_header: 'Cookie' } }), 'config.apiKey.custom_header'],
  ['an unknown authorization_type', withConfig({ apiKey: { source: 'user', authorization_type: 'digest' } }), 'config.apiKey.authorization_type'],
  ['a custom user variable with a bad name', withConfig({ customUserVars: { 'bad-name': { title: 'x' } } }), 'config.customUserVars'],
  ['a custom user variable without title', withConfig({ customUserVars: { TOKEN: { description: 'x' } } }), 'config.customUserVars'],
  ['a timeout out of range', withConfig({ timeout: 10 }), 'config.timeout'],
];

describe('POST /api/mcp/servers validation', () => {
  it.each(cases)('rejects %s with 400 naming the field, and stores nothing', async (_rule, body, field) => {
    const before = await ctx.methods.countMcpServers(org._id);
    const res = await post(body);
    const error = expectError(res, 400, 'VALIDATION_FAILED');
    expect(detailFields(res)).toContain(field);
    expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]));
    expect(await ctx.methods.countMcpServers(org._id)).toBe(before);
  });

  it('rejects a body that is not a JSON object', async () => {
    expectError(await post([withConfig({})]), 400, 'VALIDATION_FAILED');
  });

  it('accepts every optional part together and does not connect to the server', async () => {
    const res = await post({
      title: 'Everything',
      description: 'All the options',
      iconPath: '/icons/everything.svg',
      config: {
        type: 'http',
        url: 'https://mcp.unconnected.example.com/mcp',
        headers: { 'X-Tenant': '{{TENANT}}' },
        oauth: { ...oauthOk, scope: 'a b', token_exchange_method: 'basic_auth_header', revocation_endpoint: 'https://auth.example.com/r' },
        apiKey: { source: 'user', authorization_type: 'custom', custom_header: 'X-Api-Key' },
        customUserVars: { TENANT: { title: 'Tenant', description: 'Your tenant id' } },
        timeout: 45_000,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.config.type).toBe('streamable-http');
    expect(res.body.config.apiKey).toEqual({ source: 'user', authorization_type: 'custom', custom_header: 'X-Api-Key', hasKey: false });
  });
});

describe('PATCH validation', () => {
  it('applies the same field rules to a patch and to the merged result', async () => {
    const server = await makeServer(ctx, owner, { title: 'Patch Rules' });
    const patch = (body: Record<string, unknown>) =>
      request(ctx.app).patch(`/api/mcp/servers/${server.serverName}`).set('Authorization', bearerFor(ctx, owner)).send({ version: 1, ...body });
    const badField = await patch({ config: { url: 'https://${X}/' } });
    expect(detailFields(badField)).toContain('config.url');
    const unknown = await patch({ owner: 'me' });
    expect(detailFields(unknown)).toContain('owner');
    const merged = await patch({ config: { oauth: { client_secret: 'only-a-secret' } } });
    expectError(merged, 400, 'VALIDATION_FAILED');
    expect(detailFields(merged)).toEqual(expect.arrayContaining(['config.oauth.client_id', 'config.oauth.token_url', 'config.oauth.authorization_url']));
    expect((await ctx.methods.findServerById(org._id, server.id))?.version).toBe(1);
  });
});

describe('SSRF guard on create and update', () => {
  it.each([
    ['loopback', { url: 'http://127.0.0.1:8080/mcp' }, 'config.url'],
    ['cloud metadata', { url: 'http://169.254.169.254/latest/meta-data' }, 'config.url'],
    ['localhost by name', { url: 'http://localhost:3000/mcp' }, 'config.url'],
    ['an internal name', { url: 'https://mcp.corp.internal/mcp' }, 'config.url'],
    ['IPv4 in hex', { url: 'http://0x7f000001/mcp' }, 'config.url'],
    ['an IPv4-mapped IPv6 loopback', { url: 'http://[::ffff:127.0.0.1]/mcp' }, 'config.url'],
    ['a name whose DNS fails (fail closed)', { url: 'https://mcp.unresolvable-zone.dev/mcp' }, 'config.url'],
    ['a private OAuth token endpoint', { oauth: { ...oauthOk, token_url: 'http://10.0.0.5/token' } }, 'config.oauth.token_url'],
  ])('refuses %s with 400 SSRF_BLOCKED naming the field', async (_what, config, field) => {
    const before = await ctx.methods.countMcpServers(org._id);
    const res = await post(withConfig(config));
    const error = expectError(res, 400, 'SSRF_BLOCKED');
    expect(detailFields(res)).toEqual([field]);
    expect(error.message).toContain(field);
    expect(await ctx.methods.countMcpServers(org._id)).toBe(before);
  });

  it('refuses a name that resolves to a private address, and a patch moving the url there', async () => {
    const app = createApp({
      config: ctx.config,
      methods: ctx.methods,
      logger: ctx.logger,
      isReady: async () => true,
      lookup: offlineLookup({ 'rebind.example.com': ['93.184.215.14', '10.1.2.3'] }),
    });
    const res = await request(app).post('/api/mcp/servers').set('Authorization', bearerFor(ctx, owner)).send(withConfig({ url: 'https://rebind.example.com/mcp' }));
    expectError(res, 400, 'SSRF_BLOCKED');
    const server = await makeServer(ctx, owner, { title: 'Will Not Move' });
    const moved = await request(app)
      .patch(`/api/mcp/servers/${server.serverName}`)
      .set('Authorization', bearerFor(ctx, owner))
      .send({ version: 1, config: { url: 'http://192.168.1.10/mcp' } });
    expectError(moved, 400, 'SSRF_BLOCKED');
    expect((await ctx.methods.revealMcpServerConfig(org._id, server.id))?.url).toBe(URL_OK);
  });

  it('lets the operator exempt a private address with mcpSettings.allowedAddresses', async () => {
    const app = createApp({
      config: { ...ctx.config, mcpSettings: { allowedAddresses: ['10.0.0.5:8443'] } },
      methods: ctx.methods,
      logger: ctx.logger,
      isReady: async () => true,
      lookup: offlineLookup(),
    });
    const ok = await request(app).post('/api/mcp/servers').set('Authorization', bearerFor(ctx, owner)).send(withConfig({ url: 'https://10.0.0.5:8443/mcp' }));
    expect(ok.status).toBe(201);
    const otherPort = await request(app).post('/api/mcp/servers').set('Authorization', bearerFor(ctx, owner)).send(withConfig({ url: 'https://10.0.0.5:9000/mcp' }));
    expectError(otherPort, 400, 'SSRF_BLOCKED');
  });
});
