import { createHash } from 'node:crypto';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { InstallationRecord } from '@mcp-registry/data-schemas';
import type { Actor } from '../../auth/actor';
import { cachedTools, isServerAuthenticated, loadUsableServers } from '../listUserTools';
import type { ListUserToolsDeps } from '../listUserTools';
import { assignGatewayToolNames } from './gatewayToolNames';

/** Where `_meta` of a gateway tool names its origin. */
export const GATEWAY_META_KEY = 'mcp-registry/upstream';

export interface GatewayTool {
  /** The name the gateway lists. */
  name: string;
  serverName: string;
  toolName: string;
  installation: InstallationRecord;
  tool: Tool;
}

export interface PendingServer {
  serverName: string;
  title: string;
  needs: string[];
  requiresOAuth: boolean;
}

export interface GatewayCatalog {
  tools: GatewayTool[];
  /** Usable servers the caller still has to set up (variables or OAuth): listed in the instructions. */
  pending: PendingServer[];
  /** Usable, with every value set, but never connected for this user: no tools cached yet. */
  unconnected: InstallationRecord[];
  /** Changes whenever what `tools/list` answers changes. */
  fingerprint: string;
}

/**
 * Every tool the caller can use through the gateway, from the tool cache (no network call), named for the gateway:
 * all usable servers, or only `serverName` for a one-server endpoint.
 */
export async function loadGatewayCatalog(deps: ListUserToolsDeps, actor: Actor, serverName?: string): Promise<GatewayCatalog> {
  const { states, credentialNames } = await loadUsableServers(deps, actor, { withTools: true, withCredentialNames: true, serverName });
  const sorted = [...states].sort((a, b) => a.installation.serverName.localeCompare(b.installation.serverName));
  const pending: PendingServer[] = [];
  const upstream: Array<Omit<GatewayTool, 'name'>> = [];
  const unconnected: InstallationRecord[] = [];
  for (const state of sorted) {
    const auth = isServerAuthenticated(state, credentialNames);
    if (!auth.authenticated) {
      pending.push({ serverName: state.installation.serverName, title: state.server.title, needs: auth.missing, requiresOAuth: auth.requiresOAuth });
      continue;
    }
    if (!state.connection) unconnected.push(state.installation);
    const tools = [...cachedTools(state.connection)].sort((a, b) => a.name.localeCompare(b.name));
    for (const tool of tools) upstream.push({ serverName: state.installation.serverName, toolName: tool.name, installation: state.installation, tool });
  }
  const names = assignGatewayToolNames(upstream, serverName === undefined);
  const tools = upstream.map((entry, i) => ({ ...entry, name: names[i] ?? entry.toolName }));
  return { tools, pending, unconnected, fingerprint: fingerprintOf(tools, pending) };
}

function fingerprintOf(tools: GatewayTool[], pending: PendingServer[]): string {
  const hash = createHash('sha256');
  for (const t of tools) hash.update(JSON.stringify([t.name, String(t.installation._id), t.tool.description, t.tool.inputSchema, t.tool.annotations]));
  hash.update(JSON.stringify(pending));
  return hash.digest('base64url');
}

/** A tool as `tools/list` answers it: the upstream's description, schema and annotations, and where it comes from. */
export function listedTool(entry: GatewayTool): Tool {
  return {
    ...entry.tool,
    name: entry.name,
    _meta: { [GATEWAY_META_KEY]: { serverName: entry.serverName, toolName: entry.toolName, installationId: String(entry.installation._id) } },
  };
}

/** What the gateway tells a client about servers that are installed for the caller but not yet usable. */
export function gatewayInstructions(pending: PendingServer[], clientUrl: string): string {
  const intro = 'Tools of the MCP servers installed for you, named <server>__<tool>.';
  if (pending.length === 0) return intro;
  const lines = pending.map((p) => {
    const what = p.requiresOAuth ? 'sign-in (OAuth)' : `values: ${p.needs.join(', ')}`;
    return `- ${p.title} (${p.serverName}) needs ${what}; set it up at ${clientUrl}/connections`;
  });
  return [intro, 'Not available until you set them up:', ...lines].join('\n');
}
