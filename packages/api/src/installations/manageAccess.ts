import { InstallationScope } from '@mcp-registry/data-provider';
import type { InstallationRecord, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { canManageTeamInstallations } from './teamAccess';
import { isInstallationAdmin } from './visibility';

export type ManageAccessDeps = Pick<Methods, 'findGroupInOrg'>;

/**
 * Who may change or remove a visible installation. Personal: the owner or an installation ADMIN holder; team: see
 * canManageTeamInstallations; org: an installation ADMIN holder.
 */
export async function mayManageInstallation(deps: ManageAccessDeps, actor: Actor, installation: InstallationRecord): Promise<boolean> {
  if (installation.scope === InstallationScope.PERSONAL) return String(installation.ownerId) === actor.id || isInstallationAdmin(actor);
  if (installation.scope === InstallationScope.ORG) return isInstallationAdmin(actor);
  const group = installation.teamId ? await deps.findGroupInOrg(actor.organizationId, installation.teamId) : null;
  return group !== null && canManageTeamInstallations(actor, group);
}
