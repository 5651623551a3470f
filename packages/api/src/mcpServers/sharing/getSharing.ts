import { PrincipalType, ResourceType } from '@mcp-registry/data-provider';
import type { AccessRoleId, ResourcePermissionsDto, SharedPrincipalDto } from '@mcp-registry/data-provider';
import type { IAclEntry, McpServerRecord, Methods, PrincipalDetails } from '@mcp-registry/data-schemas';

export type GetSharingDeps = Pick<Methods, 'listResourceEntries' | 'findPrincipalsInOrg'>;

function describe(entry: IAclEntry, details: PrincipalDetails): SharedPrincipalDto | null {
  const id = entry.principalId ?? '';
  const base = { id, accessRoleId: (entry.accessRoleId as AccessRoleId | null) ?? null, permBits: entry.permBits };
  if (entry.principalType === PrincipalType.USER) {
    const user = details.users.get(id);
    return user ? { type: PrincipalType.USER, name: user.name, email: user.email, ...base } : null;
  }
  if (entry.principalType === PrincipalType.GROUP) {
    const group = details.groups.get(id);
    return group ? { type: PrincipalType.GROUP, name: group.name, ...base } : null;
  }
  if (entry.principalType === PrincipalType.ROLE) return details.roles.has(id) ? { type: PrincipalType.ROLE, name: id, ...base } : null;
  return null;
}

/** Who holds which access role on the server (LibreChat's shape); grants to principals that no longer exist are left out. */
export async function getSharing(deps: GetSharingDeps, server: McpServerRecord): Promise<ResourcePermissionsDto> {
  const entries = await deps.listResourceEntries({ resourceType: ResourceType.MCP_SERVER, resourceId: server._id });
  const ids = (type: string) => entries.filter((e) => e.principalType === type).map((e) => e.principalId ?? '');
  const details = await deps.findPrincipalsInOrg(server.organizationId, {
    userIds: ids(PrincipalType.USER),
    groupIds: ids(PrincipalType.GROUP),
    roleNames: ids(PrincipalType.ROLE),
  });
  const publicEntry = entries.find((e) => e.principalType === PrincipalType.PUBLIC);
  return {
    resourceType: ResourceType.MCP_SERVER,
    resourceId: String(server._id),
    principals: entries.map((e) => describe(e, details)).filter((p): p is SharedPrincipalDto => p !== null),
    public: Boolean(publicEntry),
    publicAccessRoleId: (publicEntry?.accessRoleId as AccessRoleId | undefined) ?? null,
  };
}
