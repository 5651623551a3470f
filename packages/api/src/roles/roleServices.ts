import { AuditAction, SystemRoles } from '@mcp-registry/data-provider';
import type { CreateRoleInput, Permission, PermissionType } from '@mcp-registry/data-provider';
import { isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { IRole, Methods } from '@mcp-registry/data-schemas';
import { ConflictError, NotFoundError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';

export type RoleDeps = Pick<Methods, 'listRoles' | 'findRole' | 'createRole' | 'setRolePermissions'> & AuditDeps;

export function listRoles(deps: RoleDeps, actor: Actor): Promise<IRole[]> {
  return deps.listRoles(actor.organizationId);
}

export async function getRole(deps: RoleDeps, actor: Actor, name: string): Promise<IRole> {
  const role = await deps.findRole(actor.organizationId, name);
  if (!role) throw new NotFoundError('Role');
  return role;
}

export async function createRole(deps: RoleDeps, actor: Actor, input: CreateRoleInput): Promise<IRole> {
  let role: IRole;
  try {
    role = await deps.createRole({ organizationId: actor.organizationId, name: input.name, permissions: input.permissions ?? {} });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new ConflictError(`A role named "${input.name}" already exists`);
    throw error;
  }
  await recordAudit(deps, actor, { action: AuditAction.ROLE_CREATE, targetType: 'role', targetId: role.name });
  return role;
}

/** The ADMIN role keeps every permission, so no one can lock the organisation out of its own admin API. */
export async function setRolePermissions(
  deps: RoleDeps,
  actor: Actor,
  name: string,
  type: PermissionType,
  permissions: Partial<Record<Permission, boolean>>,
): Promise<IRole> {
  if (name === SystemRoles.ADMIN) throw new ConflictError('The ADMIN role always has every permission');
  const role = await deps.setRolePermissions(actor.organizationId, name, type, permissions);
  if (!role) throw new NotFoundError('Role');
  await recordAudit(deps, actor, { action: AuditAction.ROLE_UPDATE, targetType: 'role', targetId: name, details: { permissionType: type, permissions } });
  return role;
}
