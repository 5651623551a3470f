import { McpServerSource, PermissionBits } from '@mcp-registry/data-provider';
import type { McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import { hasBits } from '../acl/principals';
import type { Actor } from '../auth/actor';
import { ForbiddenError, NotFoundError } from '../errors/apiError';
import { getServerAccessBits } from './access';

export type AuthorizeServerDeps = Pick<Methods, 'findMcpServerByName' | 'findServerById' | 'getEffectiveBits'>;

export type ServerRef = { serverName: string } | { serverId: string };

export interface AuthorizedServer {
  server: McpServerRecord;
  bits: number;
}

export const CONFIG_MANAGED_MESSAGE = 'This MCP server is defined in the configuration file and can only be changed there';

/**
 * Loads the server the route names and checks the caller's bits: invisible (unknown, another organisation, no VIEW)
 * is 404; a configuration server is read-only through the API (403); visible without `required` is 403.
 */
export async function authorizeServer(deps: AuthorizeServerDeps, actor: Actor, ref: ServerRef, required: number): Promise<AuthorizedServer> {
  const server =
    'serverName' in ref
      ? await deps.findMcpServerByName(actor.organizationId, ref.serverName)
      : await deps.findServerById(actor.organizationId, ref.serverId);
  if (!server) throw new NotFoundError('MCP server');
  const bits = await getServerAccessBits(deps, actor, server);
  if (!hasBits(bits, PermissionBits.VIEW)) throw new NotFoundError('MCP server');
  if (server.source === McpServerSource.YAML && (required & ~PermissionBits.VIEW) !== 0) throw new ForbiddenError(CONFIG_MANAGED_MESSAGE);
  if (!hasBits(bits, required)) throw new ForbiddenError();
  return { server, bits };
}
