import type { Permission, PermissionType, RolePermissions } from '@mcp-registry/data-provider';

export function roleHasPermission(permissions: RolePermissions, type: PermissionType, permission: Permission): boolean {
  return permissions[type]?.[permission] === true;
}

export function hasPermission(actor: { permissions: RolePermissions }, type: PermissionType, permission: Permission): boolean {
  return roleHasPermission(actor.permissions, type, permission);
}

/** True only when every listed permission is granted (LibreChat's generateCheckAccess rule). */
export function hasAllPermissions(actor: { permissions: RolePermissions }, type: PermissionType, permissions: readonly Permission[]): boolean {
  return permissions.every((p) => roleHasPermission(actor.permissions, type, p));
}

