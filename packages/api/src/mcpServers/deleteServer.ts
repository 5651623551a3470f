import { AuditAction, ResourceType } from '@mcp-registry/data-provider';
import type { Id, McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import type { ConnectionManager } from '../mcp/connections/connectionManager';
import { ConflictError, NotFoundError } from '../errors/apiError';
import type { OAuthCleanup } from '../mcp/oauth/revokeOAuthTokens';

/** What the installations feature provides for removing a server. */
export interface InstallationCleanup {
  countInstallationsOfServer(organizationId: Id, catalogId: Id): Promise<number>;
  removeInstallationsOfServer(organizationId: Id, catalogId: Id): Promise<number>;
}

export type PurgeServerDeps = Pick<Methods, 'deleteMcpServer' | 'removeResourceEntries'> &
  InstallationCleanup &
  Pick<OAuthCleanup, 'forgetServerOAuth'> & { connections?: Pick<ConnectionManager, 'closeServer'> };

export type DeleteServerDeps = PurgeServerDeps & AuditDeps;

/**
 * Removes the server, then whatever pointed at it: installations (again after the delete, so an install that
 * raced the check is not left dangling), ACL entries and OAuth grants (revoked). Each step is idempotent; false when
 * it was already gone.
 */
export async function purgeServer(deps: PurgeServerDeps, organizationId: string, serverId: Id): Promise<boolean> {
  const deleted = await deps.deleteMcpServer(organizationId, serverId);
  await deps.removeInstallationsOfServer(organizationId, serverId);
  deps.connections?.closeServer(serverId);
  await deps.removeResourceEntries({ resourceType: ResourceType.MCP_SERVER, resourceId: serverId });
  await deps.forgetServerOAuth(null, String(serverId), 'server_deleted');
  return deleted;
}

/** Deletes a server the caller may DELETE; with installations of it, 409 unless `force`, which removes them too. */
export async function deleteServer(deps: DeleteServerDeps, actor: Actor, server: McpServerRecord, options: { force?: boolean }): Promise<void> {
  const installations = await deps.countInstallationsOfServer(actor.organizationId, server._id);
  if (installations > 0 && !options.force) {
    throw new ConflictError(`The MCP server has ${installations} installation(s); delete with force=true to remove them too`, [
      { field: 'force', location: 'query', message: `${installations} installation(s) exist` },
    ]);
  }
  if (installations > 0) await deps.removeInstallationsOfServer(actor.organizationId, server._id);
  if (!(await purgeServer(deps, actor.organizationId, server._id))) throw new NotFoundError('MCP server');
  await recordAudit(deps, actor, {
    action: AuditAction.MCP_SERVER_DELETE,
    targetType: ResourceType.MCP_SERVER,
    targetId: String(server._id),
    details: { serverName: server.serverName, installationsRemoved: installations },
  });
}
