import { GroupMemberRole, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import type { IGroup } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';
import { isInstallationAdmin } from './visibility';

export const TEAM_FORBIDDEN =
  'Managing a team installation requires the MCP_SERVER_INSTALLATIONS ADMIN permission, being an admin of the group, or being a member holding the MCP_SERVER_INSTALLATIONS UPDATE permission';

/**
 * Who may install for a group and change or remove its installations: an installation ADMIN holder (for any group of
 * the organisation, member or not), a group admin, or a member whose role holds `MCP_SERVER_INSTALLATIONS.UPDATE`.
 */
export function canManageTeamInstallations(actor: Actor, group: Pick<IGroup, 'members'>): boolean {
  if (isInstallationAdmin(actor)) return true;
  const member = group.members.find((m) => String(m.userId) === actor.id);
  if (!member) return false;
  if (member.role === GroupMemberRole.ADMIN) return true;
  return hasPermission(actor, PermissionTypes.MCP_SERVER_INSTALLATIONS, Permissions.UPDATE);
}
