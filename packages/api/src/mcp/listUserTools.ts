import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { McpConnectionState } from '@mcp-registry/data-provider';
import type { McpServerToolsDto, McpToolDto, McpToolsResponse } from '@mcp-registry/data-provider';
import type { InstallationRecord, McpConnectionRecord, McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { authFieldsOf } from './authFields';
import { usableInstallations } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

export type ListUserToolsDeps = UsableInstallationDeps & Pick<Methods, 'findServersByIds' | 'listMcpConnections' | 'listUserCredentialNames'>;

/** What every server's entry is built from, read in one round of queries for all of them. */
export interface UsableServerState {
  installation: InstallationRecord;
  server: McpServerRecord;
  connection: McpConnectionRecord | undefined;
}

/**
 * The caller's usable installations with their catalog servers and connection rows (tools when asked), and the
 * names of the values they have set when asked: the installations, then the rest in parallel.
 */
export async function loadUsableServers(
  deps: ListUserToolsDeps,
  actor: Actor,
  options: { withTools: boolean; withCredentialNames: boolean; serverName?: string },
): Promise<{ states: UsableServerState[]; credentialNames: Map<string, string[]> }> {
  const installations = [...(await usableInstallations(deps, actor, options.serverName)).values()];
  if (installations.length === 0) return { states: [], credentialNames: new Map() };
  const ids = installations.map((i) => i._id);
  const [servers, connections, credentialNames] = await Promise.all([
    deps.findServersByIds(actor.organizationId, installations.map((i) => i.catalogId)),
    deps.listMcpConnections(actor.id, ids, options.withTools),
    options.withCredentialNames ? deps.listUserCredentialNames(actor.id, ids) : new Map<string, string[]>(),
  ]);
  const serverById = new Map(servers.map((s) => [String(s._id), s]));
  const connectionOf = new Map(connections.map((c) => [String(c.installationId), c]));
  const states = installations.flatMap((installation) => {
    const server = serverById.get(String(installation.catalogId));
    return server ? [{ installation, server, connection: connectionOf.get(String(installation._id)) }] : [];
  });
  return { states, credentialNames };
}

/** The tools as the tool cache keeps them (name, description, inputSchema, annotations). */
export function cachedTools(connection: McpConnectionRecord | undefined): Tool[] {
  return connection?.toolsJson ? (JSON.parse(connection.toolsJson) as Tool[]) : [];
}

function toolsOf(connection: McpConnectionRecord | undefined): McpToolDto[] {
  return cachedTools(connection).map((t) => ({ name: t.name, ...(t.description === undefined ? {} : { description: t.description }), inputSchema: t.inputSchema }));
}

/**
 * Whether the caller has every value the server needs and the server has not last refused them; `missing` names
 * the values not set.
 */
export function isServerAuthenticated(state: UsableServerState, credentialNames: Map<string, string[]>): { authenticated: boolean; missing: string[]; requiresOAuth: boolean } {
  const { installation, server, connection } = state;
  const known = new Set([...(credentialNames.get(String(installation._id)) ?? []), ...(installation.customUserVarNames ?? [])]);
  const missing = authFieldsOf(server.config).filter((f) => !known.has(f.authField)).map((f) => f.authField);
  const refused = connection?.state === McpConnectionState.NEEDS_AUTH;
  return { authenticated: missing.length === 0 && !refused, missing, requiresOAuth: refused && Boolean(connection?.requiresOAuth) };
}

/**
 * GET /api/mcp/tools: every usable server's cached tools, without a network call. `authenticated` is whether the
 * caller has every value the server needs and the server has not last refused them.
 */
export async function listUserTools(deps: ListUserToolsDeps, actor: Actor): Promise<McpToolsResponse> {
  const { states, credentialNames: names } = await loadUsableServers(deps, actor, { withTools: true, withCredentialNames: true });
  const servers: Record<string, McpServerToolsDto> = {};
  for (const state of states) {
    const { installation, server, connection } = state;
    servers[installation.serverName] = {
      installationId: String(installation._id),
      title: server.title,
      authenticated: isServerAuthenticated(state, names).authenticated,
      authConfig: authFieldsOf(server.config),
      tools: toolsOf(connection),
    };
  }
  return { servers };
}
