import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { expectError } from './support/expectError';
import { startOAuthPeer } from './support/oauthPeer';
import type { OAuthPeer } from './support/oauthPeer';
import { authorize, callback, connect, initiate, installOAuthServer } from './mcpOAuth.fixtures';

let ctx: TestContext;
let peer: OAuthPeer;
let org: IOrganization;
let alice: TestUser;
let bob: TestUser;

const CLIENT_URL = 'http://client.example.com';

beforeAll(async () => {
  ctx = await createTestContext('mcp_oauth_flow', { mcpSettings: { allowedAddresses: ['127.0.0.1'] }, server: { clientUrl: CLIENT_URL } });
  peer = await startOAuthPeer();
  org = await ctx.makeOrg();
  alice = await ctx.makeUser(org);
  bob = await ctx.makeUser(org);
});

afterAll(async () => {
  await peer.close();
  await ctx.app.services.mcpOAuth.close();
  await ctx.close();
});

const tokenRows = () => ctx.mongoose.connection.collection('mcpoauthtokens');
const flowRows = () => ctx.mongoose.connection.collection('mcpoauthflows');
const status = (user: TestUser, flowId: string) => as(ctx, user).get(`/api/mcp/oauth/status/${flowId}`);

async function callTool(accessToken: string): Promise<string> {
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(peer.mcpUrl), { requestInit: { headers: { Authorization: `Bearer ${accessToken}` } } }));
  try {
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('whoami');
    const result = (await client.callTool({ name: 'whoami', arguments: {} })) as { content: Array<{ text: string }> };
    return result.content[0]!.text;
  } finally {
    await client.close();
  }
}

describe('connecting an OAuth-protected MCP server', () => {
  it('initiate → authorize → callback with the cookie stores encrypted tokens the server accepts as bearer', async () => {
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    const flow = await initiate(ctx, alice, serverName);
    expect(flow.setCookie).toMatch(/HttpOnly/);
    expect(flow.setCookie).toMatch(/SameSite=Lax/);
    expect(flow.setCookie).toMatch(/Path=\/api\/mcp/);
    expect(flow.setCookie).toMatch(/Max-Age=600/);
    expect(flow.setCookie).not.toMatch(/Secure/);
    const authUrl = new URL(flow.authorizationUrl);
    expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authUrl.searchParams.get('resource')).toBe(peer.mcpUrl);
    expect(authUrl.searchParams.get('state')).not.toContain(flow.flowId);
    expect((await status(alice, flow.flowId)).body).toEqual({ status: 'PENDING', completed: false, failed: false, error: null });

    const res = await callback(ctx.app, await authorize(flow.authorizationUrl), flow.csrf);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${CLIENT_URL}/oauth/success?serverName=${serverName}`);
    expect(String(res.headers['set-cookie'])).toMatch(/oauth_csrf=;/);
    expect((await status(alice, flow.flowId)).body).toEqual({ status: 'COMPLETED', completed: true, failed: false, error: null });
    expect(peer.grants.authorization_code).toBe(1);
    expect(peer.tokenResources).toEqual([peer.mcpUrl]);

    const rows = await tokenRows().find({}).toArray();
    expect(rows).toHaveLength(1);
    const stored = await ctx.methods.readOAuthTokens(installationId, alice.id);
    expect(stored?.accessToken).toMatch(/^at-/);
    expect(String(rows[0]!.accessToken)).toMatch(/^v1:/);
    expect(JSON.stringify(rows)).not.toContain(stored!.accessToken);
    expect(JSON.stringify(rows)).not.toContain(stored!.refreshToken!);
    expect(rows[0]!.expiresAt).toBeInstanceOf(Date);

    const accessToken = await ctx.app.services.mcpOAuth.tokenSource.accessToken(installationId, alice.id);
    expect(await callTool(accessToken)).toMatch(/^client:client-/);
    expect(peer.acceptedBearers).toContain(accessToken);
  });

  it('reuses the dynamically registered client for the next flow of the same server', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    const before = peer.registrations;
    await initiate(ctx, alice, serverName);
    await initiate(ctx, alice, serverName);
    expect(peer.registrations).toBe(before + 1);
  });

  it('refuses a callback without the CSRF cookie, with a wrong one or with another user\'s, and exchanges nothing', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, await ctx.makeAdmin(org), 'org');
    const before = peer.grants.authorization_code;
    const flow = await initiate(ctx, alice, serverName);
    const bobFlow = await initiate(ctx, bob, serverName);
    const path = await authorize(flow.authorizationUrl);
    for (const cookie of [undefined, 'not-the-cookie', bobFlow.csrf]) {
      const res = await callback(ctx.app, path, cookie);
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe(`${CLIENT_URL}/oauth/error?error=csrf_validation_failed`);
    }
    expect(peer.grants.authorization_code).toBe(before);
    expect((await status(alice, flow.flowId)).body.status).toBe('PENDING');
    const ok = await callback(ctx.app, path, flow.csrf);
    expect(ok.headers.location).toMatch(/\/oauth\/success/);
  });

  it('exchanges the code once when the callback is replayed, sequentially or concurrently', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    const before = peer.grants.authorization_code;
    const flow = await initiate(ctx, alice, serverName);
    const path = await authorize(flow.authorizationUrl);
    const concurrent = await Promise.all([1, 2, 3].map(() => callback(ctx.app, path, flow.csrf)));
    const again = await callback(ctx.app, path, flow.csrf);
    for (const res of [...concurrent, again]) expect(res.headers.location).toBe(`${CLIENT_URL}/oauth/success?serverName=${serverName}`);
    expect(peer.grants.authorization_code).toBe(before + 1);
  });

  it('answers flow_expired for a callback after the flow timed out, without exchanging', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    const before = peer.grants.authorization_code;
    const flow = await initiate(ctx, alice, serverName);
    const path = await authorize(flow.authorizationUrl);
    await flowRows().updateOne({ flowId: flow.flowId }, { $set: { expiresAt: new Date(Date.now() - 1) } });
    expect((await status(alice, flow.flowId)).body).toEqual({ status: 'FAILED', completed: false, failed: true, error: 'flow_expired' });
    const res = await callback(ctx.app, path, flow.csrf);
    expect(res.headers.location).toBe(`${CLIENT_URL}/oauth/error?error=flow_expired`);
    expect(peer.grants.authorization_code).toBe(before);
  });

  it('cancels a pending flow; the flow then reads cancelled and its callback fails', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    const flow = await initiate(ctx, alice, serverName);
    const path = await authorize(flow.authorizationUrl);
    expect((await as(ctx, alice).post(`/api/mcp/oauth/cancel/${serverName}`)).body).toEqual({ success: true, message: expect.any(String) });
    expect((await status(alice, flow.flowId)).body).toEqual({ status: 'FAILED', completed: false, failed: true, error: 'cancelled' });
    expect((await callback(ctx.app, path, flow.csrf)).headers.location).toBe(`${CLIENT_URL}/oauth/error?error=cancelled`);
    expect((await as(ctx, alice).post(`/api/mcp/oauth/cancel/${serverName}`)).body.success).toBe(false);
  });

  it("lets only the flow's own user read or cancel it (403), and hides it from other organisations (404)", async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    const flow = await initiate(ctx, alice, serverName);
    expectError(await status(bob, flow.flowId), 403, 'FORBIDDEN');
    expectError(await as(ctx, bob).post(`/api/mcp/oauth/cancel/${serverName}`, { flowId: flow.flowId }), 403, 'FORBIDDEN');
    const stranger = await ctx.makeUser(await ctx.makeOrg());
    expectError(await status(stranger, flow.flowId), 404, 'NOT_FOUND');
    expect((await status(alice, flow.flowId)).body.status).toBe('PENDING');
  });

  it('sends the provider error (access_denied) to the error page and fails the flow', async () => {
    const denying = await startOAuthPeer({ denyAuthorization: true });
    try {
      const { serverName } = await installOAuthServer(ctx, denying, alice);
      const flow = await initiate(ctx, alice, serverName);
      const res = await callback(ctx.app, await authorize(flow.authorizationUrl), flow.csrf);
      expect(res.headers.location).toBe(`${CLIENT_URL}/oauth/error?error=access_denied`);
      expect((await status(alice, flow.flowId)).body).toEqual({ status: 'FAILED', completed: false, failed: true, error: 'access_denied' });
      expect(denying.grants.authorization_code).toBe(0);
    } finally {
      await denying.close();
    }
  });

  it('answers missing_state, invalid_state and missing_code', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    const base = `/api/mcp/${serverName}/oauth/callback`;
    expect((await callback(ctx.app, `${base}?code=x`)).headers.location).toBe(`${CLIENT_URL}/oauth/error?error=missing_state`);
    expect((await callback(ctx.app, `${base}?code=x&state=unknown`)).headers.location).toBe(`${CLIENT_URL}/oauth/error?error=invalid_state`);
    const flow = await initiate(ctx, alice, serverName);
    const state = new URL(flow.authorizationUrl).searchParams.get('state')!;
    expect((await callback(ctx.app, `${base}?state=${state}`, flow.csrf)).headers.location).toBe(`${CLIENT_URL}/oauth/error?error=missing_code`);
    expect((await callback(ctx.app, `/api/mcp/other-server/oauth/callback?code=x&state=${state}`, flow.csrf)).headers.location).toBe(
      `${CLIENT_URL}/oauth/error?error=invalid_state`,
    );
  });

  it('refuses protected-resource metadata naming another resource (502 OAUTH_UNSUPPORTED)', async () => {
    const elsewhere = await startOAuthPeer({ resourceOverride: 'https://elsewhere.example.com/mcp' });
    try {
      const { serverName } = await installOAuthServer(ctx, elsewhere, alice);
      const err = expectError(await as(ctx, alice).post(`/api/mcp/${serverName}/oauth/initiate`), 502, 'OAUTH_UNSUPPORTED');
      expect(err.message).toMatch(/another resource/);
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses an authorization server that does not list PKCE S256 (502 OAUTH_UNSUPPORTED)', async () => {
    const noPkce = await startOAuthPeer({ withoutS256: true });
    try {
      const { serverName } = await installOAuthServer(ctx, noPkce, alice);
      const err = expectError(await as(ctx, alice).post(`/api/mcp/${serverName}/oauth/initiate`), 502, 'OAUTH_UNSUPPORTED');
      expect(err.message).toMatch(/S256/);
      expect(noPkce.registrations).toBe(0);
    } finally {
      await noPkce.close();
    }
  });

  it('initiate for a server the caller has not installed is 404, and a bad flow id is 400', async () => {
    const { serverName } = await installOAuthServer(ctx, peer, alice);
    expectError(await as(ctx, bob).post(`/api/mcp/${serverName}/oauth/initiate`), 404, 'NOT_FOUND');
    expectError(await status(alice, 'nope'), 400, 'VALIDATION_FAILED');
    expectError(await as(ctx, alice).post(`/api/mcp/oauth/cancel/${serverName}`, { flowId: 'x', extra: 1 }), 400, 'VALIDATION_FAILED');
  });
});

describe('disconnecting and uninstalling', () => {
  it('DELETE …/oauth/tokens revokes at the authorization server, deletes the tokens and closes the connection; again → 404', async () => {
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    expect((await as(ctx, alice).post(`/api/mcp/${serverName}/reinitialize`)).body.success).toBe(true);
    expect((await as(ctx, alice).get(`/api/mcp/connection/status/${serverName}`)).body).toEqual(
      expect.objectContaining({ connectionState: 'connected', requiresOAuth: true }),
    );
    const held = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    const res = await as(ctx, alice).delete(`/api/mcp/${serverName}/oauth/tokens`);
    expect(res.status).toBe(204);
    expect(peer.revoked).toEqual(expect.arrayContaining([held.accessToken, held.refreshToken]));
    expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(0);
    expect((await as(ctx, alice).get(`/api/mcp/connection/status/${serverName}`)).body).toEqual(
      expect.objectContaining({ connectionState: 'needs_auth', requiresOAuth: true, lastError: 'you signed out of this server' }),
    );
    expect(ctx.app.services.mcp.connections.localState(installationId, alice.id)).toBeUndefined();
    expectError(await as(ctx, alice).delete(`/api/mcp/${serverName}/oauth/tokens`), 404, 'NOT_FOUND');
  });

  it('uninstall revokes the tokens and leaves no token rows', async () => {
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const held = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    expect((await as(ctx, alice).delete(`/api/mcp_server/${installationId}`)).status).toBe(204);
    expect(peer.revoked).toEqual(expect.arrayContaining([held.accessToken, held.refreshToken]));
    expect(await tokenRows().countDocuments({})).toBe(await ctx.methods.countOAuthTokens({ userId: alice.id }));
    expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(0);
  });

  it('uninstalling during an open flow ends the flow: its callback stores nothing', async () => {
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    const flow = await initiate(ctx, alice, serverName);
    const path = await authorize(flow.authorizationUrl);
    expect((await as(ctx, alice).delete(`/api/mcp_server/${installationId}`)).status).toBe(204);
    expect((await callback(ctx.app, path, flow.csrf)).headers.location).toBe(`${CLIENT_URL}/oauth/error?error=invalid_state`);
    expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(0);
  });

  it('deleting the catalog server revokes every user\'s tokens and forgets its registered client', async () => {
    const { serverName, serverId, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const held = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    expect((await as(ctx, alice).delete(`/api/mcp/servers/${serverName}?force=true`)).status).toBe(204);
    expect(peer.revoked).toContain(held.refreshToken);
    expect(await ctx.methods.countOAuthTokens({ serverId })).toBe(0);
    expect(await ctx.methods.findOAuthClient(serverId)).toBeNull();
  });

  it('a failed revocation is audited and the tokens are deleted anyway', async () => {
    const shortLived = await startOAuthPeer();
    const { serverName, installationId } = await installOAuthServer(ctx, shortLived, alice);
    await connect(ctx, alice, serverName);
    await shortLived.close();
    expect((await as(ctx, alice).delete(`/api/mcp/${serverName}/oauth/tokens`)).status).toBe(204);
    expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(0);
    const audit = await ctx.mongoose.connection.collection('auditlogs').findOne({ action: 'mcpOAuth.revoke_failed', targetId: installationId });
    expect(audit).not.toBeNull();
  });
});
