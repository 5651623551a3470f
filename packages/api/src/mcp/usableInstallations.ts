import { InstallationScope } from '@mcp-registry/data-provider';
import type { InstallationRecord, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors/apiError';

export type UsableInstallationDeps = Pick<Methods, 'listUsableInstallations'>;

const PRECEDENCE: Readonly<Record<string, number>> = {
  [InstallationScope.PERSONAL]: 0,
  [InstallationScope.TEAM]: 1,
  [InstallationScope.ORG]: 2,
};

function rank(installation: InstallationRecord): [number, string] {
  return [PRECEDENCE[installation.scope] ?? 3, String(installation._id)];
}

function preferred(a: InstallationRecord, b: InstallationRecord): InstallationRecord {
  const [ra, ia] = rank(a);
  const [rb, ib] = rank(b);
  if (ra !== rb) return ra < rb ? a : b;
  return ia <= ib ? a : b;
}

/**
 * The installation a catalog slug means for this user, per slug: their personal one, else a team installation of
 * one of their groups (the oldest), else the organisation's.
 */
export async function usableInstallations(deps: UsableInstallationDeps, actor: Actor, serverName?: string): Promise<Map<string, InstallationRecord>> {
  const rows = await deps.listUsableInstallations(actor.organizationId, actor.id, actor.groupIds, serverName);
  const bySlug = new Map<string, InstallationRecord>();
  for (const row of rows) {
    const current = bySlug.get(row.serverName);
    bySlug.set(row.serverName, current ? preferred(current, row) : row);
  }
  return bySlug;
}

/** The caller's usable installation of `serverName`; none → 404. */
export async function usableInstallation(deps: UsableInstallationDeps, actor: Actor, serverName: string): Promise<InstallationRecord> {
  const installation = (await usableInstallations(deps, actor, serverName)).get(serverName);
  if (!installation) throw new NotFoundError(`MCP server "${serverName}"`);
  return installation;
}

/** Whether the user may use this installation (their own, their group's, or the organisation's). */
export function isUsableBy(installation: Pick<InstallationRecord, 'scope' | 'ownerId' | 'teamId'>, actor: Actor): boolean {
  if (installation.scope === InstallationScope.ORG) return true;
  if (installation.scope === InstallationScope.PERSONAL) return String(installation.ownerId) === actor.id;
  return actor.groupIds.some((id) => String(id) === String(installation.teamId));
}
