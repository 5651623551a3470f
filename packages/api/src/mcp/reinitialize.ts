import type { McpReinitializeResponse } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import { ApiError, AuthRequiredError } from '../errors/apiError';
import type { ConnectionManager } from './connections/connectionManager';
import type { McpOAuthSource } from './connections/oauthSource';
import { connectTargetFor } from './connectTargetFor';
import type { ConnectTargetDeps } from './connectTargetFor';
import { usableInstallation } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

/** The response, and the CSRF cookie value the route sets when it names an `oauthUrl`. */
export interface ReinitializeOutcome {
  response: McpReinitializeResponse;
  csrfToken: string | null;
}

export type ReinitializeDeps = UsableInstallationDeps & ConnectTargetDeps & { connections: ConnectionManager; oauth?: McpOAuthSource };

function needsOAuth(error: unknown): boolean {
  return error instanceof AuthRequiredError && error.requirement.oauth;
}

/**
 * POST /api/mcp/:serverName/reinitialize: drops the caller's connection, connects again and refreshes the tool
 * cache. A failure to connect (unreachable, refused by the SSRF guard, credentials missing) is `success: false`
 * with the reason, never an error status (LibreChat's contract); an unknown server is still 404.
 */
export async function reinitialize(deps: ReinitializeDeps, actor: Actor, serverName: string): Promise<ReinitializeOutcome> {
  const installation = await usableInstallation(deps, actor, serverName);
  const target = await connectTargetFor(deps, installation, actor.id);
  try {
    const connection = await deps.connections.connect(target, { fresh: true });
    const count = connection.tools.length;
    const message = `Reconnected to MCP server "${serverName}" (${count} ${count === 1 ? 'tool' : 'tools'})`;
    return { response: { success: true, message, serverName, oauthRequired: false, oauthUrl: null }, csrfToken: null };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 404) throw error;
    const oauthRequired = needsOAuth(error);
    const started = oauthRequired && deps.oauth?.startAuthorization ? await deps.oauth.startAuthorization(actor, { ...target, userId: actor.id }) : null;
    const response = { success: false, message: error.message, serverName, oauthRequired, oauthUrl: started?.authorizationUrl ?? null };
    return { response, csrfToken: started?.csrfToken ?? null };
  }
}
