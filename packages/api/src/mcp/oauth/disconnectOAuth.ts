import type { Actor } from '../../auth/actor';
import { NotFoundError } from '../../errors/apiError';
import { resolveUsableInstallation } from '../resolveUsableInstallation';
import type { McpOAuthDeps } from './oauthDeps';
import { revokeOAuthTokens } from './revokeOAuthTokens';

/** DELETE /api/mcp/:serverName/oauth/tokens: revokes and deletes the caller's own tokens; none held → 404. */
export async function disconnectOAuth(deps: McpOAuthDeps, actor: Actor, serverName: string): Promise<void> {
  const usable = await resolveUsableInstallation(deps, actor, serverName);
  const removed = await revokeOAuthTokens(deps, actor, { installationId: usable.installation._id, userId: actor.id }, 'disconnect');
  if (removed === 0) throw new NotFoundError('OAuth tokens');
}
