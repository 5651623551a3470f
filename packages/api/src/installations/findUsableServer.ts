import { PermissionBits } from '@mcp-registry/data-provider';
import type { McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import { hasBits } from '../acl/principals';
import type { Actor, ActorIdentity } from '../auth/actor';
import { ForbiddenError, NotFoundError } from '../errors/apiError';
import { getServerAccessBits } from '../mcpServers/access';
import type { ServerAccessDeps } from '../mcpServers/access';

export type FindUsableServerDeps = Pick<Methods, 'findServerById'> & ServerAccessDeps;

export const TARGET_CANNOT_ACCESS = 'The target user cannot access this MCP server';

/**
 * The catalog server must be visible to the caller (else 404, like any invisible resource) and
 * viewable by the target user the installation is for (else 403 naming that).
 */
export async function findUsableServer(deps: FindUsableServerDeps, actor: Actor, target: ActorIdentity | null, catalogId: string): Promise<McpServerRecord> {
  const server = await deps.findServerById(actor.organizationId, catalogId);
  if (!server) throw new NotFoundError('MCP server');
  if (!hasBits(await getServerAccessBits(deps, actor, server), PermissionBits.VIEW)) throw new NotFoundError('MCP server');
  if (!target || target.id === actor.id) return server;
  if (!hasBits(await getServerAccessBits(deps, target, server), PermissionBits.VIEW)) throw new ForbiddenError(TARGET_CANNOT_ACCESS);
  return server;
}
