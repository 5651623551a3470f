import type { RolePermissions } from './permissions';

export interface RoleDto {
  name: string;
  organizationId: string;
  permissions: RolePermissions;
  system: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateRoleInput {
  name: string;
  permissions?: RolePermissions;
}
