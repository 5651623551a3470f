import { systemRoleList } from '@mcp-registry/data-provider';
import type { RoleDto } from '@mcp-registry/data-provider';
import type { IRole } from '@mcp-registry/data-schemas';

export function toRoleDto(role: IRole): RoleDto {
  return {
    name: role.name,
    organizationId: String(role.organizationId),
    permissions: role.permissions ?? {},
    system: systemRoleList.includes(role.name),
    createdAt: new Date(role.createdAt).toISOString(),
    updatedAt: new Date(role.updatedAt).toISOString(),
  };
}
