import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { createUser } from './createUser';
import { deleteUser } from './deleteUser';
import { getUser, listUsers } from './readUsers';
import { updateUser } from './updateUser';

/** The organisation's user accounts (admin API). */
export function createUserService(deps: ServiceDeps) {
  return {
    create: (actor: Actor, input: CreateUserInput) => createUser(deps, actor, input),
    list: (actor: Actor, query: ListUsersQuery) => listUsers(deps, actor, query),
    get: (actor: Actor, id: string) => getUser(deps, actor, id),
    update: (actor: Actor, id: string, input: UpdateUserInput) => updateUser(deps, actor, id, input),
    remove: (actor: Actor, id: string) => deleteUser(deps, actor, id),
  };
}
