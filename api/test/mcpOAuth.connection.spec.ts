import request from 'supertest';
import { MCP_OAUTH_CSRF_COOKIE } from '@mcp-registry/data-provider';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { startOAuthPeer } from './support/oauthPeer';
import type { OAuthPeer } from './support/oauthPeer';
import { authorize, callback, installOAuthServer } from './mcpOAuth.fixtures';

let ctx: TestContext;
let peer: OAuthPeer;
let alice: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcp_oauth_connection', { mcpSettings: { allowedAddresses: ['127.0.0.1'] } });
  peer = await startOAuthPeer();
  alice = await ctx.makeUser(await ctx.makeOrg());
});

afterAll(async () => {
  await peer.close();
  await ctx.app.services.mcpOAuth.close();
  await ctx.close();
});

function csrfFrom(res: request.Response): string {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${MCP_OAUTH_CSRF_COOKIE}=`));
  if (!header) throw new Error('no CSRF cookie');
  return decodeURIComponent(header.split(';')[0]!.slice(MCP_OAUTH_CSRF_COOKIE.length + 1));
}

describe('an OAuth-protected MCP server through the connection routes', () => {
  it('reinitialize asks for OAuth; after the callback it connects, lists the tools and calls one with the bearer', async () => {
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    const first = await as(ctx, alice).post(`/api/mcp/${serverName}/reinitialize`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual(expect.objectContaining({ success: false, oauthRequired: true, serverName, oauthUrl: expect.any(String) }));
    const status = await as(ctx, alice).get(`/api/mcp/connection/status/${serverName}`);
    expect(status.body.connectionState).toBe('needs_auth');

    const done = await callback(ctx.app, await authorize(first.body.oauthUrl as string), csrfFrom(first));
    expect(done.headers.location).toMatch(/\/oauth\/success\?serverName=/);

    const again = await as(ctx, alice).post(`/api/mcp/${serverName}/reinitialize`);
    expect(again.body).toEqual(expect.objectContaining({ success: true, oauthRequired: false }));
    expect((await as(ctx, alice).get(`/api/mcp/connection/status/${serverName}`)).body.connectionState).toBe('connected');
    const tools = await as(ctx, alice).get('/api/mcp/tools');
    expect(tools.body.servers[serverName].tools.map((t: { name: string }) => t.name)).toEqual(['whoami']);

    const called = await as(ctx, alice).post(`/api/mcp/${serverName}/tools/whoami/call`, { arguments: {} });
    expect(called.status).toBe(200);
    expect(called.body.content[0].text).toMatch(/^client:client-/);
    const stored = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    expect(peer.acceptedBearers).toContain(stored.accessToken);

    peer.expireAccessTokens();
    const afterExpiry = await as(ctx, alice).post(`/api/mcp/${serverName}/tools/whoami/call`, { arguments: {} });
    expect(afterExpiry.status).toBe(200);
    expect(peer.grants.refresh_token).toBe(1);
    const refreshed = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    expect(peer.acceptedBearers.at(-1)).toBe(refreshed.accessToken);
    expect(JSON.stringify([first.body, again.body, tools.body, called.body])).not.toContain(stored.accessToken);
  });
});
