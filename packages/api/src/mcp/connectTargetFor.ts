import type { InstallationRecord, Methods } from '@mcp-registry/data-schemas';
import { NotFoundError } from '../errors/apiError';
import type { ConnectTarget } from './connections/connectTarget';

export type ConnectTargetDeps = Pick<Methods, 'findServerById'>;

/** The installation with its catalog server as it is now (its current version dates the connection). */
export async function connectTargetFor(deps: ConnectTargetDeps, installation: InstallationRecord, userId: string | null): Promise<ConnectTarget> {
  const server = await deps.findServerById(installation.organizationId, installation.catalogId);
  if (!server) throw new NotFoundError(`MCP server "${installation.serverName}"`);
  return { installation, server, userId };
}
