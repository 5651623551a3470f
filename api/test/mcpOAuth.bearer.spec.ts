import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { bearerFetch } from '@mcp-registry/api';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { startOAuthPeer } from './support/oauthPeer';
import type { OAuthPeer } from './support/oauthPeer';
import { connect, installOAuthServer } from './mcpOAuth.fixtures';

let ctx: TestContext;
let peer: OAuthPeer;
let alice: TestUser;

beforeAll(async () => {
  ctx = await createTestContext('mcp_oauth_bearer', { mcpSettings: { allowedAddresses: ['127.0.0.1'] } });
  peer = await startOAuthPeer();
  alice = await ctx.makeUser(await ctx.makeOrg());
});

afterAll(async () => {
  await peer.close();
  await ctx.app.services.mcpOAuth.close();
  await ctx.close();
});

describe('a live MCP transport carrying the OAuth token', () => {
  it('sends the stored token as bearer and, after a 401 mid-session, refreshes once and repeats the request', async () => {
    const { serverName, installationId } = await installOAuthServer(ctx, peer, alice);
    await connect(ctx, alice, serverName);
    const first = (await ctx.methods.readOAuthTokens(installationId, alice.id))!.accessToken;
    const fetchWithToken = bearerFetch(fetch, ctx.app.services.mcpOAuth.tokenSource, installationId, alice.id);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(peer.mcpUrl), { fetch: fetchWithToken }));
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['whoami']);
      expect(peer.acceptedBearers.at(-1)).toBe(first);
      peer.expireAccessTokens();
      const result = (await client.callTool({ name: 'whoami', arguments: {} })) as { content: Array<{ text: string }> };
      expect(result.content[0]!.text).toMatch(/^client:/);
      const second = (await ctx.methods.readOAuthTokens(installationId, alice.id))!.accessToken;
      expect(second).not.toBe(first);
      expect(peer.acceptedBearers.at(-1)).toBe(second);
      expect(peer.grants.refresh_token).toBe(1);
    } finally {
      await client.close();
    }
  });
});
