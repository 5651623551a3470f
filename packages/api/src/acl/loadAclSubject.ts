import type { Methods } from '@mcp-registry/data-schemas';
import type { ServerAccessSubject } from '../mcpServers/access';

export type LoadAclSubjectDeps = Pick<Methods, 'findUserInOrg' | 'listGroupIdsForUser' | 'findRole'>;

/**
 * Any user of the organisation as an ACL subject (id, role, role permissions, groups), e.g. the *target* of an
 * install on someone's behalf. Null when the user is not in the organisation.
 */
export async function loadAclSubject(deps: LoadAclSubjectDeps, organizationId: string, userId: string): Promise<ServerAccessSubject | null> {
  const user = await deps.findUserInOrg(organizationId, userId);
  if (!user) return null;
  const [groupIds, role] = await Promise.all([deps.listGroupIdsForUser(user._id), deps.findRole(organizationId, user.role)]);
  return {
    id: String(user._id),
    organizationId: String(user.organizationId),
    role: user.role,
    groupIds: groupIds.map(String),
    permissions: role?.permissions ?? {},
  };
}
