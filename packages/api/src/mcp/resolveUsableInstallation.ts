import type { InstallationRecord, Methods, PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors/apiError';
import { usableInstallation } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

export type ResolveUsableInstallationDeps = UsableInstallationDeps & Pick<Methods, 'findServerById' | 'openStoredConfig'>;

export interface UsableInstallation {
  installation: Pick<InstallationRecord, '_id' | 'organizationId' | 'catalogId' | 'serverName' | 'scope'>;
  serverId: string;
  serverName: string;
  serverVersion: number;
  config: PlainMcpServerConfig;
}

/** `:serverName` → the caller's installation of it: personal first, then a team's, then the organisation's; none → 404. */
export async function resolveUsableInstallation(deps: ResolveUsableInstallationDeps, actor: Actor, serverName: string): Promise<UsableInstallation> {
  const installation = await usableInstallation(deps, actor, serverName);
  const server = await deps.findServerById(actor.organizationId, installation.catalogId);
  if (!server) throw new NotFoundError('MCP server');
  return { installation, serverId: String(server._id), serverName, serverVersion: server.version, config: deps.openStoredConfig(server.config) };
}
