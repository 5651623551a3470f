import type { CreateRoleInput, Permission, PermissionType } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { createRole, getRole, listRoles, setRolePermissions } from './roleServices';

/** Roles and their permissions. */
export function createRoleService(deps: ServiceDeps) {
  return {
    list: (actor: Actor) => listRoles(deps, actor),
    get: (actor: Actor, name: string) => getRole(deps, actor, name),
    create: (actor: Actor, input: CreateRoleInput) => createRole(deps, actor, input),
    setPermissions: (actor: Actor, name: string, type: PermissionType, permissions: Partial<Record<Permission, boolean>>) =>
      setRolePermissions(deps, actor, name, type, permissions),
  };
}
