import {
  ALL_PERMISSION_BITS,
  McpServerSource,
  PermissionBits,
  Permissions,
  PermissionTypes,
  ResourceType,
  SystemRoles,
} from '@mcp-registry/data-provider';
import type { RolePermissions } from '@mcp-registry/data-provider';
import type { McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import { principalsOf } from '../acl/principals';
import type { AclSubject } from '../acl/principals';
import { roleHasPermission } from '../auth/permissions';

/** A user as the catalog's access rules see them; an Actor is one, `loadIdentity` builds one for any user. */
export interface ServerAccessSubject extends AclSubject {
  permissions: RolePermissions;
}

export type ServerAccessDeps = Pick<Methods, 'getEffectiveBits'>;

export type AccessibleServer = Pick<McpServerRecord, '_id' | 'organizationId' | 'source'>;

/** The organisation's system administrator holds every bit on every server of the organisation (as in LibreChat). */
export function isOrganizationAdmin(subject: Pick<AclSubject, 'role'>): boolean {
  return subject.role === SystemRoles.ADMIN;
}

export function canUseServers(subject: Pick<ServerAccessSubject, 'permissions'>): boolean {
  return roleHasPermission(subject.permissions, PermissionTypes.MCP_SERVERS, Permissions.USE);
}

/**
 * The subject's effective ACL bits on a server: 0 for another organisation; every bit for the organisation admin;
 * VIEW on configuration servers for anyone whose role may use servers; otherwise the OR of their ACL entries.
 */
export async function getServerAccessBits(deps: ServerAccessDeps, subject: ServerAccessSubject, server: AccessibleServer): Promise<number> {
  if (String(server.organizationId) !== subject.organizationId) return 0;
  if (isOrganizationAdmin(subject)) return ALL_PERMISSION_BITS;
  if (server.source === McpServerSource.YAML) return canUseServers(subject) ? PermissionBits.VIEW : 0;
  return deps.getEffectiveBits({
    organizationId: subject.organizationId,
    resourceType: ResourceType.MCP_SERVER,
    resourceId: String(server._id),
    principals: principalsOf(subject),
  });
}
