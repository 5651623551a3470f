import type { Methods } from '@mcp-registry/data-schemas';
import { ForbiddenError, NotFoundError } from '../errors/apiError';
import type { Actor, ActorIdentity } from '../auth/actor';
import type { ActorCache } from '../auth/actorCache';
import { loadIdentity } from '../auth/loadIdentity';
import { isInstallationAdmin } from './visibility';

export type ResolveTargetDeps = Pick<Methods, 'findUserById' | 'findRole' | 'listGroupIdsForUser'> & { actorCache: ActorCache };

export const ON_BEHALF_FORBIDDEN = 'Installing for another user requires the MCP_SERVER_INSTALLATIONS ADMIN permission';

/**
 * The effective target of an install: `userId` when given, else the caller. Targeting someone
 * else is refused before anything is read; an unknown user and one of another organisation are the same 404.
 * The target's identity (role, groups) comes through the actor cache, so a repeated install reads nothing here.
 */
export async function resolveInstallTarget(deps: ResolveTargetDeps, actor: Actor, userId: string | undefined): Promise<ActorIdentity> {
  if (userId === undefined || userId === actor.id) return actor;
  if (!isInstallationAdmin(actor)) throw new ForbiddenError(ON_BEHALF_FORBIDDEN);
  const target = await deps.actorCache.get(userId, () => loadIdentity(deps, userId));
  if (!target || target.organizationId !== actor.organizationId) throw new NotFoundError('User');
  return target;
}
