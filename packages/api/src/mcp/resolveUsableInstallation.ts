import { InstallationScope } from '@mcp-registry/data-provider';
import type { InstallationRecord, Methods, PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors/apiError';

export type ResolveUsableInstallationDeps = Pick<Methods, 'findUsableInstallationsByName' | 'findServerById' | 'openStoredConfig'>;

export interface UsableInstallation {
  installation: InstallationRecord;
  serverId: string;
  serverName: string;
  serverVersion: number;
  config: PlainMcpServerConfig;
}

const PRIORITY: Record<string, number> = { [InstallationScope.PERSONAL]: 0, [InstallationScope.TEAM]: 1, [InstallationScope.ORG]: 2 };

/** `:serverName` → the caller's installation of it: personal first, then a team's, then the organisation's; none → 404. */
export async function resolveUsableInstallation(deps: ResolveUsableInstallationDeps, actor: Actor, serverName: string): Promise<UsableInstallation> {
  const rows = await deps.findUsableInstallationsByName(actor.organizationId, serverName, actor.id, actor.groupIds);
  const installation = rows.sort((a, b) => (PRIORITY[a.scope] ?? 9) - (PRIORITY[b.scope] ?? 9))[0];
  if (!installation) throw new NotFoundError('MCP server');
  const server = await deps.findServerById(actor.organizationId, installation.catalogId);
  if (!server) throw new NotFoundError('MCP server');
  return { installation, serverId: String(server._id), serverName, serverVersion: server.version, config: deps.openStoredConfig(server.config) };
}
