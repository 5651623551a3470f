import { ALL_PERMISSION_BITS, PermissionBits, PrincipalType, ResourceType } from '@mcp-registry/data-provider';
import type { InstallationDto, McpServerDto } from '@mcp-registry/data-provider';
import { startMcpPeer } from '../../../test/mcpPeer';
import type { McpPeer, McpPeerOptions } from '../../../test/mcpPeer';
import { as } from './as';
import type { TestContext, TestUser } from './context';
import { makeServer } from './mcpServers';

/**
 * The configuration the connection suites run with: the SSRF guard exempts loopback peers only, as an operator
 * would configure it, and installs for someone else connect in the background.
 */
export const LOOPBACK_PEERS = { mcpSettings: { allowedAddresses: ['127.0.0.1'] }, mcpConnections: { connectInBackground: true } };

type Caller = { _id: unknown; organizationId: unknown };

/** Real MCP servers on 127.0.0.1, catalog entries pointing at them, and the `/api/mcp` calls, for one test file. */
export function mcpConnectionFixtures(ctx: TestContext) {
  const peers: McpPeer[] = [];

  async function peer(options: McpPeerOptions = {}): Promise<McpPeer> {
    const started = await startMcpPeer(options);
    peers.push(started);
    return started;
  }

  /** A catalog entry (through the API) whose owner is `owner`, viewable by `viewers`. */
  async function catalogServer(owner: TestUser, config: Record<string, unknown>, viewers: TestUser[] = []): Promise<McpServerDto> {
    const server = await makeServer(ctx, owner, { config: { type: 'streamable-http', ...config } });
    const grant = (id: string, permBits: number) =>
      ctx.methods.grantPermission({ organizationId: owner.organizationId, principal: { type: PrincipalType.USER, id }, resourceType: ResourceType.MCP_SERVER, resourceId: server.id, permBits });
    await grant(owner.id, ALL_PERMISSION_BITS);
    for (const viewer of viewers) await grant(viewer.id, PermissionBits.VIEW);
    return server;
  }

  async function install(caller: Caller, body: Record<string, unknown>): Promise<InstallationDto> {
    const res = await as(ctx, caller).post('/api/mcp_server', body);
    if (res.status !== 201) throw new Error(`install: expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as InstallationDto;
  }

  const api = (caller: Caller) => {
    const http = as(ctx, caller);
    return {
      tools: () => http.get('/api/mcp/tools'),
      status: () => http.get('/api/mcp/connection/status'),
      serverStatus: (name: string) => http.get(`/api/mcp/connection/status/${name}`),
      reinitialize: (name: string) => http.post(`/api/mcp/${name}/reinitialize`),
      authValues: (name: string) => http.get(`/api/mcp/${name}/auth-values`),
      setAuthValues: (name: string, values: Record<string, string | null>) => http.put(`/api/mcp/${name}/auth-values`, { values }),
      call: (name: string, tool: string, args: Record<string, unknown> = {}) => http.post(`/api/mcp/${name}/tools/${tool}/call`, { arguments: args }),
      inspect: (installationId: string, body: Record<string, unknown>) => http.post(`/api/mcp_server/${installationId}/inspect`, body),
    };
  };

  /** Lets background connects finish, then stops every peer (call in afterEach). */
  async function cleanup(): Promise<void> {
    await ctx.app.services.mcp.settled();
    await Promise.all(peers.splice(0).map((p) => p.stop()));
  }

  const until = async (check: () => boolean | Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 25));
  };

  return { peer, catalogServer, install, api, cleanup, until };
}
