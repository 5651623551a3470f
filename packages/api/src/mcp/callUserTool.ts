import type { Actor } from '../auth/actor';
import { callToolOn } from './connections/callTool';
import type { ToolCallResult } from './connections/callTool';
import type { ConnectionManager } from './connections/connectionManager';
import { connectTargetFor } from './connectTargetFor';
import type { ConnectTargetDeps } from './connectTargetFor';
import { usableInstallation } from './usableInstallations';
import type { UsableInstallationDeps } from './usableInstallations';

export type CallUserToolDeps = UsableInstallationDeps & ConnectTargetDeps & { connections: ConnectionManager };

/** POST /api/mcp/:serverName/tools/:toolName/call, with the caller's credentials for their usable installation. */
export async function callUserTool(deps: CallUserToolDeps, actor: Actor, serverName: string, toolName: string, args: Record<string, unknown>): Promise<ToolCallResult> {
  const installation = await usableInstallation(deps, actor, serverName);
  return callToolOn(deps.connections, await connectTargetFor(deps, installation, actor.id), toolName, args);
}
