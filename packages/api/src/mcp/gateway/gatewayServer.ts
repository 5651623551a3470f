import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { CallToolResult, ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { AuditAction } from '@mcp-registry/data-provider';
import type { Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../../auth/actor';
import { recordAudit } from '../../audit/recordAudit';
import type { AuditDeps } from '../../audit/recordAudit';
import { callToolOn } from '../connections/callTool';
import type { ToolCallOptions } from '../connections/callTool';
import type { ConnectionManager } from '../connections/connectionManager';
import { connectTargetFor } from '../connectTargetFor';
import type { ConnectTargetDeps } from '../connectTargetFor';
import { cachedTools } from '../listUserTools';
import type { ListUserToolsDeps } from '../listUserTools';
import { usableInstallations } from '../usableInstallations';
import { literalToolRef } from './gatewayToolNames';
import { gatewayInstructions, listedTool, loadGatewayCatalog } from './gatewayTools';
import type { GatewayTool } from './gatewayTools';

export type GatewayServerDeps = ListUserToolsDeps & ConnectTargetDeps & AuditDeps & Pick<Methods, 'findMcpConnection'> & { connections: ConnectionManager };

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** One gateway session's view: who it serves, which server (all when absent), and what it last listed. */
export interface GatewaySessionScope {
  serverName?: string;
  /** The caller as of their latest request (re-authenticated on every HTTP request). */
  actor: Actor;
  /** Fingerprint of the last tool list answered or announced. */
  announced?: string;
}

function failure(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

function callOptions(extra: Extra): ToolCallOptions {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return { signal: extra.signal };
  return {
    signal: extra.signal,
    onprogress: (p) => void extra.sendNotification({ method: 'notifications/progress', params: { progressToken, ...p } }).catch(() => undefined),
  };
}

type ResolvedTool = Pick<GatewayTool, 'serverName' | 'toolName' | 'installation'>;

/**
 * What a listed name calls. A name the gateway did not have to shorten says it itself (`<serverName>__<toolName>`;
 * a slug never contains `__`), so it costs one lookup of the caller's installation of that server; a shortened
 * name is found in the caller's current catalog.
 */
async function resolveTool(deps: GatewayServerDeps, scope: GatewaySessionScope, name: string): Promise<ResolvedTool | undefined> {
  const literal = literalToolRef(name, scope.serverName);
  if (literal) {
    const installation = (await usableInstallations(deps, scope.actor, literal.serverName)).get(literal.serverName);
    const cached = installation && cachedTools((await deps.findMcpConnection(installation._id, scope.actor.id)) ?? undefined);
    if (installation && cached?.some((t) => t.name === literal.toolName)) return { ...literal, installation };
  }
  return (await loadGatewayCatalog(deps, scope.actor, scope.serverName)).tools.find((t) => t.name === name);
}

/**
 * The catalog, after connecting (in parallel, each within its server's timeout) the installations this user never
 * connected, so that an organisation's or a team's installation lists its tools the first time. A failed attempt is
 * recorded on the connection and not retried by listing (reinitialize does that).
 */
async function catalogConnectingFirstTime(deps: GatewayServerDeps, scope: GatewaySessionScope) {
  const catalog = await loadGatewayCatalog(deps, scope.actor, scope.serverName);
  if (catalog.unconnected.length === 0) return catalog;
  await Promise.allSettled(catalog.unconnected.map(async (installation) => deps.connections.connect(await connectTargetFor(deps, installation, scope.actor.id))));
  return loadGatewayCatalog(deps, scope.actor, scope.serverName);
}

/**
 * The MCP server behind one gateway session, built on the SDK's `Server`: `tools/list` from the tool cache,
 * `tools/call` to the upstream with the caller's own credentials. An upstream failure is a tool result with
 * `isError`, so the session outlives any one server; every call is audited without its arguments.
 */
export async function createGatewayServer(deps: GatewayServerDeps, scope: GatewaySessionScope, clientUrl: string): Promise<Server> {
  const initial = await loadGatewayCatalog(deps, scope.actor, scope.serverName);
  const server = new Server(
    { name: 'mcp-registry-gateway', version: '1.0.0' },
    { capabilities: { tools: { listChanged: true } }, instructions: gatewayInstructions(initial.pending, clientUrl) },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const catalog = await catalogConnectingFirstTime(deps, scope);
    scope.announced = catalog.fingerprint;
    return { tools: catalog.tools.map(listedTool) };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const started = Date.now();
    const entry = await resolveTool(deps, scope, request.params.name);
    if (!entry) return failure(`Unknown tool "${request.params.name}": list the tools again.`);
    let outcome = 'ok';
    try {
      const target = await connectTargetFor(deps, entry.installation, scope.actor.id);
      const result = (await callToolOn(deps.connections, target, entry.toolName, request.params.arguments ?? {}, callOptions(extra))) as CallToolResult;
      if (result.isError) outcome = 'tool_error';
      return result;
    } catch (error) {
      outcome = 'failed';
      return failure(`${entry.serverName}: ${error instanceof Error ? error.message : 'the call failed'}`);
    } finally {
      void recordAudit(deps, scope.actor, {
        action: AuditAction.GATEWAY_TOOL_CALL,
        targetType: 'installation',
        targetId: String(entry.installation._id),
        details: { serverName: entry.serverName, toolName: entry.toolName, outcome, durationMs: Date.now() - started },
      });
    }
  });

  return server;
}
