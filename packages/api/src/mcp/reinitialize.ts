import type { McpReinitializeResponse } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import { ApiError, AuthRequiredError } from '../errors/apiError';
import type { ConnectionManager } from './connections/connectionManager';
import type { McpOAuthSource } from './connections/oauthSource';
import { connectTargetFor } from './connectTargetFor';
import type { ConnectTargetDeps } from './connectTargetFor';
import { usableInstallation } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

export type ReinitializeDeps = UsableInstallationDeps & ConnectTargetDeps & { connections: ConnectionManager; oauth?: McpOAuthSource };

function needsOAuth(error: unknown): boolean {
  return error instanceof AuthRequiredError && error.requirement.oauth;
}

/**
 * POST /api/mcp/:serverName/reinitialize: drops the caller's connection, connects again and refreshes the tool
 * cache. A failure to connect (unreachable, refused by the SSRF guard, credentials missing) is `success: false`
 * with the reason, never an error status (LibreChat's contract); an unknown server is still 404.
 */
export async function reinitialize(deps: ReinitializeDeps, actor: Actor, serverName: string): Promise<McpReinitializeResponse> {
  const installation = await usableInstallation(deps, actor, serverName);
  const target = await connectTargetFor(deps, installation, actor.id);
  try {
    const connection = await deps.connections.connect(target, { fresh: true });
    const message = `Reconnected to MCP server "${serverName}" (${connection.tools.length} tools)`;
    return { success: true, message, serverName, oauthRequired: false, oauthUrl: null };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 404) throw error;
    const oauthRequired = needsOAuth(error);
    const oauthUrl = oauthRequired && deps.oauth?.authorizationUrl ? await deps.oauth.authorizationUrl({ ...target, userId: actor.id }) : null;
    return { success: false, message: error.message, serverName, oauthRequired, oauthUrl };
  }
}
