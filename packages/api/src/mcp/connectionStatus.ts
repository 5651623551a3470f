import { McpConnectionState } from '@mcp-registry/data-provider';
import type { McpConnectionStatusDto, McpConnectionStatusResponse } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors/apiError';
import type { ConnectionManager } from './connections/connectionManager';
import { loadUsableServers } from './listUserTools';
import type { ListUserToolsDeps, UsableServerState } from './listUserTools';

export type ConnectionStatusDeps = ListUserToolsDeps & { connections: Pick<ConnectionManager, 'localState'> };

/**
 * One entry: this process's own view first (an attempt under way, an open connection), else the outcome recorded
 * by whichever replica connected last, else `disconnected`.
 */
function statusOf(deps: ConnectionStatusDeps, actor: Actor, { installation, server, connection }: UsableServerState): McpConnectionStatusDto {
  const local = deps.connections.localState(installation._id, actor.id);
  const status: McpConnectionStatusDto = {
    installationId: String(installation._id),
    title: server.title,
    connectionState: local ?? connection?.state ?? McpConnectionState.DISCONNECTED,
    requiresOAuth: Boolean(server.config.oauth) || connection?.requiresOAuth === true,
  };
  if (connection?.lastError && status.connectionState !== McpConnectionState.CONNECTED) status.lastError = connection.lastError;
  if (connection?.lastConnectedAt) status.lastConnectedAt = connection.lastConnectedAt.toISOString();
  return status;
}

/** GET /api/mcp/connection/status: every usable server, without a network call. */
export async function connectionStatus(deps: ConnectionStatusDeps, actor: Actor): Promise<McpConnectionStatusResponse> {
  const { states } = await loadUsableServers(deps, actor, { withTools: false, withCredentialNames: false });
  const connectionStatus: Record<string, McpConnectionStatusDto> = {};
  for (const state of states) connectionStatus[state.installation.serverName] = statusOf(deps, actor, state);
  return { connectionStatus };
}

/** GET /api/mcp/connection/status/:serverName */
export async function serverConnectionStatus(deps: ConnectionStatusDeps, actor: Actor, serverName: string): Promise<McpConnectionStatusDto & { serverName: string }> {
  const { states } = await loadUsableServers(deps, actor, { withTools: false, withCredentialNames: false, serverName });
  const state = states[0];
  if (!state) throw new NotFoundError(`MCP server "${serverName}"`);
  return { serverName, ...statusOf(deps, actor, state) };
}
