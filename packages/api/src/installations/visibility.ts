import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import type { InstallationVisibility } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';

/** `MCP_SERVER_INSTALLATIONS.ADMIN` — whatever the role is called, a custom role holding it counts. */
export function isInstallationAdmin(actor: Pick<Actor, 'permissions'>): boolean {
  return hasPermission(actor, PermissionTypes.MCP_SERVER_INSTALLATIONS, Permissions.ADMIN);
}

/** An installation admin sees the whole organisation; others their own, their groups' and the organisation's. */
export function visibilityOf(actor: Actor): InstallationVisibility {
  if (isInstallationAdmin(actor)) return { all: true };
  return { userId: actor.id, groupIds: actor.groupIds };
}
