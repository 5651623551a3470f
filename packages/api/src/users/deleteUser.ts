import { AuditAction } from '@mcp-registry/data-provider';
import type { Methods } from '@mcp-registry/data-schemas';
import { ConflictError, NotFoundError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import type { ConnectionManager } from '../mcp/connections/connectionManager';
import type { OAuthCleanup } from '../mcp/oauth/revokeOAuthTokens';

export type DeleteUserDeps = Pick<
  Methods,
  'deleteUser' | 'removeUserFromAllGroups' | 'revokeApiKeysOfUser' | 'deleteSessionsOfUser' | 'removeInstallationsOfUser'
> &
  AuditDeps &
  Pick<OAuthCleanup, 'revokeOAuthTokens'> & { connections?: Pick<ConnectionManager, 'closeUser'> };

/**
 * Deletes the user, then removes what pointed at them (group memberships, API keys, sessions). Each clean-up
 * step is idempotent, and a user that no longer exists cannot authenticate even if one of them failed.
 */
export async function deleteUser(deps: DeleteUserDeps, actor: Actor, id: string): Promise<void> {
  if (id === actor.id) throw new ConflictError('You cannot delete yourself');
  const deleted = await deps.deleteUser(actor.organizationId, id);
  if (!deleted) throw new NotFoundError('User');
  await deps.removeUserFromAllGroups(id);
  await deps.revokeApiKeysOfUser(id);
  await deps.deleteSessionsOfUser(id);
  await deps.removeInstallationsOfUser(actor.organizationId, id);
  await deps.revokeOAuthTokens(actor, { userId: id }, 'user_deleted');
  deps.connections?.closeUser(id);
  await recordAudit(deps, actor, { action: AuditAction.USER_DELETE, targetType: 'user', targetId: id });
}
