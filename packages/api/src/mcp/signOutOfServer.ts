import type { Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors/apiError';
import type { ConnectionManager } from './connections/connectionManager';
import type { OAuthCleanup } from './oauth/revokeOAuthTokens';
import { usableInstallation } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

export type SignOutDeps = UsableInstallationDeps & Pick<Methods, 'recordMcpSignOut'> & Pick<OAuthCleanup, 'revokeOAuthTokens'> & { connections: Pick<ConnectionManager, 'close'> };

/**
 * DELETE /api/mcp/:serverName/oauth/tokens: revokes and deletes the caller's own tokens (none held → 404), closes
 * the connection this process made with them, and records the sign-out so that every replica's status says so.
 */
export async function signOutOfServer(deps: SignOutDeps, actor: Actor, serverName: string): Promise<void> {
  const installation = await usableInstallation(deps, actor, serverName);
  const removed = await deps.revokeOAuthTokens(actor, { installationId: installation._id, userId: actor.id }, 'disconnect');
  if (removed === 0) throw new NotFoundError('OAuth tokens');
  deps.connections.close(installation._id, actor.id);
  await deps.recordMcpSignOut(installation._id, actor.id);
}
