import type { InstallationDto, InstallationUserDetails } from '@mcp-registry/data-provider';
import type { InstallationView } from '@mcp-registry/data-schemas';

const idOrNull = (id: unknown): string | null => (id === null || id === undefined ? null : String(id));

const toUserDetails = (u: InstallationView['userDetails'][number]): InstallationUserDetails => ({ userId: String(u._id), email: u.email, name: u.name });

/** The one shape of an installation in every response (create, replay, get, list); secrets never appear. */
export function toInstallationDto(view: InstallationView): InstallationDto {
  return {
    id: String(view._id),
    catalogId: String(view.catalogId),
    serverName: view.serverName,
    scope: view.scope,
    ownerId: idOrNull(view.ownerId),
    teamId: idOrNull(view.teamId),
    installedBy: String(view.installedBy),
    users: view.userIds.map(String),
    userDetails: view.userDetails.map(toUserDetails),
    installedByDetails: view.installedByDetails ? toUserDetails(view.installedByDetails) : null,
    teamDetails: view.team ? { id: String(view.team._id), name: view.team.name } : null,
    status: view.status,
    hasCustomUserVars: view.customUserVarNames.length > 0,
    createdAt: new Date(view.createdAt).toISOString(),
    updatedAt: new Date(view.updatedAt).toISOString(),
  };
}
