import type { ListUsersQuery } from '@mcp-registry/data-provider';
import type { Methods, UserRecord } from '@mcp-registry/data-schemas';
import { NotFoundError } from '../errors/apiError';
import type { Actor } from '../auth/actor';

export function listUsers(deps: Pick<Methods, 'listUsers'>, actor: Actor, query: ListUsersQuery) {
  return deps.listUsers({ organizationId: actor.organizationId, ...query });
}

/** A user of the caller's organisation; anyone else is 404. */
export async function getUser(deps: Pick<Methods, 'findUserInOrg'>, actor: Actor, id: string): Promise<UserRecord> {
  const user = await deps.findUserInOrg(actor.organizationId, id);
  if (!user) throw new NotFoundError('User');
  return user;
}
