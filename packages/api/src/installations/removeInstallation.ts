import { AuditAction } from '@mcp-registry/data-provider';
import type { Methods } from '@mcp-registry/data-schemas';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import type { ConnectionManager } from '../mcp/connections/connectionManager';
import { ForbiddenError, NotFoundError } from '../errors/apiError';
import type { OAuthCleanup } from '../mcp/oauth/revokeOAuthTokens';
import { mayManageInstallation } from './manageAccess';
import { visibilityOf } from './visibility';

export type RemoveInstallationDeps = AuditDeps &
  Pick<Methods, 'findInstallation' | 'findGroupInOrg' | 'deleteInstallation'> &
  Pick<OAuthCleanup, 'revokeOAuthTokens'> & { connections?: Pick<ConnectionManager, 'closeInstallation'> };

/**
 * DELETE /api/mcp_server/:id. Invisible → 404, visible but not allowed → 403. The installation document holds its
 * credentials; its assignment rows go with it. Whoever deletes it first wins; the other gets 404.
 */
export async function removeInstallation(deps: RemoveInstallationDeps, actor: Actor, id: string): Promise<void> {
  const installation = await deps.findInstallation(actor.organizationId, id, visibilityOf(actor));
  if (!installation) throw new NotFoundError('Installation');
  if (!(await mayManageInstallation(deps, actor, installation))) throw new ForbiddenError('You may not remove this installation');
  if (!(await deps.deleteInstallation(actor.organizationId, id))) throw new NotFoundError('Installation');
  deps.connections?.closeInstallation(id);
  await deps.revokeOAuthTokens(actor, { installationId: id }, 'uninstall');
  await recordAudit(deps, actor, {
    action: AuditAction.INSTALLATION_DELETE,
    targetType: 'installation',
    targetId: id,
    details: {
      catalogId: String(installation.catalogId),
      serverName: installation.serverName,
      scope: installation.scope,
      ownerId: installation.ownerId ? String(installation.ownerId) : null,
      teamId: installation.teamId ? String(installation.teamId) : null,
    },
  });
}
