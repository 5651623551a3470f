import type { McpInspectInput } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { getAuthValues, updateAuthValues } from './authValues';
import { callUserTool } from './callUserTool';
import { connectionStatus, serverConnectionStatus } from './connectionStatus';
import { inspectInstallation } from './inspectInstallation';
import { listUserTools } from './listUserTools';
import { reinitialize } from './reinitialize';
import { signOutOfServer } from './signOutOfServer';

/**
 * MCP connections as the routes (and the gateway) use them. `connections` is the process's connection manager:
 * the gateway lists cached tools with `listTools`, calls with `callTool`, and follows changes with
 * `connections.onToolsChanged`.
 */
export function createMcpConnectionService(deps: ServiceDeps) {
  return {
    listTools: (actor: Actor) => listUserTools(deps, actor),
    status: (actor: Actor) => connectionStatus(deps, actor),
    serverStatus: (actor: Actor, serverName: string) => serverConnectionStatus(deps, actor, serverName),
    reinitialize: async (actor: Actor, serverName: string) => {
      const outcome = await reinitialize(deps, actor, serverName);
      deps.changes.notify();
      return outcome;
    },
    getAuthValues: (actor: Actor, serverName: string) => getAuthValues(deps, actor, serverName),
    updateAuthValues: async (actor: Actor, serverName: string, values: Record<string, string | null>) => {
      const flags = await updateAuthValues(deps, actor, serverName, values);
      deps.changes.notify();
      return flags;
    },
    signOut: async (actor: Actor, serverName: string) => {
      await signOutOfServer(deps, actor, serverName);
      deps.changes.notify();
    },
    callTool: (actor: Actor, serverName: string, toolName: string, args: Record<string, unknown>) => callUserTool(deps, actor, serverName, toolName, args),
    inspect: (actor: Actor, installationId: string, input: McpInspectInput) => inspectInstallation(deps, actor, installationId, input),
    connections: deps.connections,
    /** Resolves once no background connect is queued or running. */
    settled: () => deps.background.settled(),
    async shutdown(): Promise<void> {
      await deps.background.settled();
      await deps.connections.shutdown();
    },
  };
}
