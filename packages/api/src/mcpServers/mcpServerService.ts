import type { CreateMcpServerInput, ListMcpServersQuery, UpdateMcpServerInput, UpdateResourcePermissionsInput, YamlMcpServers } from '@mcp-registry/data-provider';
import type { McpServerRecord } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { authorizeServer } from './authorizeServer';
import type { ServerRef } from './authorizeServer';
import { createServer } from './createServer';
import { deleteServer } from './deleteServer';
import { listServers } from './listServers';
import { getSharing } from './sharing/getSharing';
import { updateSharing } from './sharing/updateSharing';
import { syncYamlServers } from './syncYamlServers';
import { updateServer } from './updateServer';

/** The server catalog: entries, their sharing, and the servers of the configuration file. */
export function createMcpServerService(deps: ServiceDeps) {
  return {
    authorize: (actor: Actor, ref: ServerRef, required: number) => authorizeServer(deps, actor, ref, required),
    list: (actor: Actor, query: ListMcpServersQuery) => listServers(deps, actor, query),
    create: (actor: Actor, input: CreateMcpServerInput) => createServer(deps, actor, input),
    update: (actor: Actor, server: McpServerRecord, patch: UpdateMcpServerInput) => updateServer(deps, actor, server, patch),
    remove: (actor: Actor, server: McpServerRecord, options: { force?: boolean }) => deleteServer(deps, actor, server, options),
    getSharing: (server: McpServerRecord) => getSharing(deps, server),
    updateSharing: (actor: Actor, server: McpServerRecord, input: UpdateResourcePermissionsInput) => updateSharing(deps, actor, server, input),
    syncYaml: (input: { organizationId: string; servers: YamlMcpServers }) => syncYamlServers(deps, input),
  };
}
