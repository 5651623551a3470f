import type { McpAuthValuesResponse } from '@mcp-registry/data-provider';
import type { InstallationRecord, McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError, ValidationError } from '../errors/apiError';
import { authFieldsOf } from './authFields';
import type { BackgroundConnects } from './connections/backgroundConnects';
import type { ConnectionManager } from './connections/connectionManager';
import { connectTargetFor } from './connectTargetFor';
import { usableInstallation } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

export type AuthValuesDeps = UsableInstallationDeps & Pick<Methods, 'findServerById' | 'listUserCredentialNames' | 'setUserCredentials'>;

export type UpdateAuthValuesDeps = AuthValuesDeps & { connections: ConnectionManager; background: BackgroundConnects };

async function load(deps: AuthValuesDeps, actor: Actor, serverName: string): Promise<{ installation: InstallationRecord; server: McpServerRecord }> {
  const installation = await usableInstallation(deps, actor, serverName);
  const server = await deps.findServerById(installation.organizationId, installation.catalogId);
  if (!server) throw new NotFoundError(`MCP server "${serverName}"`);
  return { installation, server };
}

function flags(server: McpServerRecord, installation: InstallationRecord, own: readonly string[], serverName: string): McpAuthValuesResponse {
  const known = new Set([...own, ...(installation.customUserVarNames ?? [])]);
  const authConfig = authFieldsOf(server.config);
  const authValueFlags = Object.fromEntries(authConfig.map((f) => [f.authField, known.has(f.authField)]));
  return { serverName, authConfig, authValueFlags };
}

/** GET /api/mcp/:serverName/auth-values: which values are set (the caller's own, or the installation's), never the values. */
export async function getAuthValues(deps: AuthValuesDeps, actor: Actor, serverName: string): Promise<McpAuthValuesResponse> {
  const { installation, server } = await load(deps, actor, serverName);
  const own = (await deps.listUserCredentialNames(actor.id, [installation._id])).get(String(installation._id)) ?? [];
  return flags(server, installation, own, serverName);
}

/**
 * PUT /api/mcp/:serverName/auth-values: sets (a string) or clears (null) the caller's values for their usable
 * installation of the server; a name the server does not ask for is 400. The open connection was made with the old
 * values, so it is closed and made again in the background.
 */
export async function updateAuthValues(deps: UpdateAuthValuesDeps, actor: Actor, serverName: string, values: Record<string, string | null>): Promise<McpAuthValuesResponse> {
  const { installation, server } = await load(deps, actor, serverName);
  const allowed = new Set(authFieldsOf(server.config).map((f) => f.authField));
  const unknown = Object.keys(values).filter((name) => !allowed.has(name));
  if (unknown.length > 0) {
    throw new ValidationError('Invalid request', unknown.map((name) => ({ field: `values.${name}`, location: 'body', message: `Not a variable of MCP server "${serverName}"` })));
  }
  const own = await deps.setUserCredentials({ organizationId: installation.organizationId, installationId: installation._id, userId: actor.id }, values);
  deps.connections.close(installation._id, actor.id);
  deps.background.schedule(async () => deps.connections.connect(await connectTargetFor(deps, installation, actor.id)));
  return flags(server, installation, own, serverName);
}
