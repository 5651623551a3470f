import type { Methods } from '@mcp-registry/data-schemas';
import { toUserDto } from '../users/userDto';
import type { ActorIdentity } from './actor';

export type LoadIdentityDeps = Pick<Methods, 'findUserById' | 'findRole' | 'listGroupIdsForUser'>;

/**
 * Who a user is right now: the user, their role's permissions and their groups; null when deleted. The one loader
 * of a user as the access rules see them, for the caller of a request and for anyone else (an install's target).
 */
export async function loadIdentity(deps: LoadIdentityDeps, userId: string): Promise<ActorIdentity | null> {
  const user = await deps.findUserById(userId);
  if (!user) return null;
  const [role, groupIds] = await Promise.all([deps.findRole(user.organizationId, user.role), deps.listGroupIdsForUser(user._id)]);
  return {
    id: String(user._id),
    organizationId: String(user.organizationId),
    role: user.role,
    permissions: role?.permissions ?? {},
    groupIds: groupIds.map(String),
    user: toUserDto(user),
  };
}
