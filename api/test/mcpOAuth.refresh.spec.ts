import { PassThrough } from 'node:stream';
import { Types } from 'mongoose';
import { OAuthNeedsAuthError } from '@mcp-registry/api';
import { createLogger } from '@mcp-registry/data-schemas';
import type { IOrganization, Logger } from '@mcp-registry/data-schemas';
import { as } from './support/as';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { startOAuthPeer } from './support/oauthPeer';
import type { OAuthPeer } from './support/oauthPeer';
import { createReplica } from './support/replica';
import type { Replica } from './support/replica';
import { authorize, callback, connect, initiate, installOAuthServer } from './mcpOAuth.fixtures';

let ctx: TestContext;
let org: IOrganization;
let alice: TestUser;
const peers: OAuthPeer[] = [];
const instances: Replica[] = [];

beforeAll(async () => {
  ctx = await createTestContext('mcp_oauth_refresh', { mcpSettings: { allowedAddresses: ['127.0.0.1'] } });
  org = await ctx.makeOrg();
  alice = await ctx.makeUser(org);
});

afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  for (const instance of instances) {
    await instance.app.services.mcpOAuth.close();
    await instance.close();
  }
  await ctx.app.services.mcpOAuth.close();
  await ctx.close();
});

async function peerWith(options: Parameters<typeof startOAuthPeer>[0]): Promise<OAuthPeer> {
  const peer = await startOAuthPeer(options);
  peers.push(peer);
  return peer;
}

async function secondInstance(logger?: Logger): Promise<Replica> {
  const instance = await createReplica(ctx, ctx.config, logger);
  instances.push(instance);
  return instance;
}

/** Both the authorization server and the stored row say the access token is no longer valid. */
async function expireEverywhere(peer: OAuthPeer, installationId: string): Promise<void> {
  peer.expireAccessTokens();
  await ctx.mongoose.connection.collection('mcpoauthtokens').updateOne({ installationId: new Types.ObjectId(installationId), userId: alice._id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(1);
}

describe('refreshing OAuth tokens', () => {
  it('two app instances on one database, 20 concurrent requests each on expired tokens: exactly one refresh grant', async () => {
    const peer = await peerWith({ refreshDelayMs: 150 });
    const other = await secondInstance();
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const before = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    await expireEverywhere(peer, installationId);

    const sources = [ctx.app.services.mcpOAuth.tokenSource, other.app.services.mcpOAuth.tokenSource];
    const tokens = await Promise.all(sources.flatMap((source) => Array.from({ length: 20 }, () => source.accessToken(installationId, alice.id))));

    expect(peer.grants.refresh_token).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(before.accessToken);
    const after = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    expect(after.accessToken).toBe(tokens[0]);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it('a 401 with a token another instance already replaced takes the newer one without a second grant', async () => {
    const peer = await peerWith({});
    const other = await secondInstance();
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const stale = (await ctx.methods.readOAuthTokens(installationId, alice.id))!.accessToken;
    const refreshed = await other.app.services.mcpOAuth.tokenSource.afterUnauthorized(installationId, alice.id, stale);
    expect(refreshed).not.toBe(stale);
    expect(await ctx.app.services.mcpOAuth.tokenSource.afterUnauthorized(installationId, alice.id, stale)).toBe(refreshed);
    expect(peer.grants.refresh_token).toBe(1);
  });

  it('keeps the old refresh token when the provider does not rotate it', async () => {
    const peer = await peerWith({ rotateRefreshTokens: false });
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const before = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    await expireEverywhere(peer, installationId);
    const fresh = await ctx.app.services.mcpOAuth.tokenSource.accessToken(installationId, alice.id);
    const after = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    expect(fresh).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
  });

  it('a refused refresh (invalid_grant) deletes the tokens: authorization is needed again', async () => {
    const peer = await peerWith({});
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const held = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    await expireEverywhere(peer, installationId);
    await fetch(`${peer.origin}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: held.refreshToken!, client_id: String(held.clientInformation.client_id) }),
    });
    await expect(ctx.app.services.mcpOAuth.tokenSource.accessToken(installationId, alice.id)).rejects.toBeInstanceOf(OAuthNeedsAuthError);
    expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(0);
    await expect(ctx.app.services.mcpOAuth.tokenSource.accessToken(installationId, alice.id)).rejects.toBeInstanceOf(OAuthNeedsAuthError);
  });

  it('a callback that reaches the other instance completes the flow started on the first', async () => {
    const peer = await peerWith({});
    const other = await secondInstance();
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    const flow = await initiate(ctx, alice, serverName);
    const res = await callback(other.app, await authorize(flow.authorizationUrl), flow.csrf);
    expect(res.headers.location).toMatch(/\/oauth\/success\?serverName=/);
    expect(await ctx.methods.countOAuthTokens({ installationId, userId: alice.id })).toBe(1);
  });
});

describe('revocation on other changes', () => {
  it("changing the catalog server's URL revokes its tokens", async () => {
    const peer = await peerWith({});
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const held = (await ctx.methods.readOAuthTokens(installationId, alice.id))!;
    const server = (await as(ctx, alice).get(`/api/mcp/servers/${serverName}`)).body as { version: number };
    const res = await as(ctx, alice).patch(`/api/mcp/servers/${serverName}`, { version: server.version, config: { url: `${peer.origin}/mcp2` } });
    expect(res.status).toBe(200);
    expect(peer.revoked).toContain(held.refreshToken);
    expect(await ctx.methods.countOAuthTokens({ installationId })).toBe(0);
  });

  it("deleting a user revokes that user's tokens", async () => {
    const peer = await peerWith({});
    const admin = await ctx.makeAdmin(org);
    const carol = await ctx.makeUser(org);
    const { serverName, installationId } = await installOAuthServer(ctx, peer, admin, 'org');
    await connect(ctx, carol, serverName);
    const held = (await ctx.methods.readOAuthTokens(installationId, carol.id))!;
    expect((await as(ctx, admin).delete(`/api/users/${carol.id}`)).status).toBe(204);
    expect(peer.revoked).toContain(held.refreshToken);
    expect(await ctx.methods.countOAuthTokens({ userId: carol.id })).toBe(0);
  });
});

describe('logs', () => {
  it('never contain the tokens, the authorization code or the state', async () => {
    const peer = await peerWith({});
    const sink = new PassThrough();
    let captured = '';
    sink.on('data', (chunk: Buffer) => (captured += chunk.toString()));
    const logged = await secondInstance(createLogger({ level: 'silly', stream: sink }));
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    const flow = await initiate(ctx, alice, serverName, logged.app);
    const path = await authorize(flow.authorizationUrl);
    await callback(logged.app, path, flow.csrf);
    await callback(logged.app, path, 'wrong');
    const first = (await logged.methods.readOAuthTokens(installationId, alice.id))!;
    await expireEverywhere(peer, installationId);
    await logged.app.services.mcpOAuth.tokenSource.accessToken(installationId, alice.id);
    const second = (await logged.methods.readOAuthTokens(installationId, alice.id))!;
    await peer.close();
    await logged.app.services.mcpOAuth.cleanup.revokeOAuthTokens(null, { installationId }, 'disconnect');

    expect(captured).toContain('[http] request');
    expect(captured).toContain('revocation failed');
    const query = new URL(path, 'http://x').searchParams;
    const secrets = [first.accessToken, first.refreshToken, second.accessToken, second.refreshToken, query.get('code'), query.get('state'), flow.csrf];
    for (const secret of secrets) expect(captured).not.toContain(secret!);
  });
});
