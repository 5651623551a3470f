import { McpInspectMethod } from '@mcp-registry/data-provider';
import type { McpInspectInput } from '@mcp-registry/data-provider';
import type { Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError, ValidationError } from '../errors/apiError';
import { isInstallationAdmin, visibilityOf } from '../installations/visibility';
import { callToolOn } from './connections/callTool';
import type { ToolCallResult } from './connections/callTool';
import type { ConnectionManager } from './connections/connectionManager';
import { connectTargetFor } from './connectTargetFor';
import { isUsableBy } from './usableInstallations';

export type InspectDeps = Pick<Methods, 'findInstallation' | 'findServerById'> & { connections: ConnectionManager };

export type InspectResult = { tools: Array<{ name: string; description?: string; inputSchema: unknown; annotations?: unknown }> } | ToolCallResult;

/**
 * POST /api/mcp_server/:id/inspect: `tools/list` or `tools/call` on an installation, so that whoever installed it
 * can check it. A user who may use it inspects with their own credentials; an installation admin inspecting one
 * they may not use (someone else's personal installation) gets the values stored on it at install time, never that
 * user's own values or OAuth grant.
 */
export async function inspectInstallation(deps: InspectDeps, actor: Actor, id: string, input: McpInspectInput): Promise<InspectResult> {
  const installation = await deps.findInstallation(actor.organizationId, id, visibilityOf(actor));
  if (!installation) throw new NotFoundError('Installation');
  const usable = isUsableBy(installation, actor);
  if (!usable && !isInstallationAdmin(actor)) throw new NotFoundError('Installation');
  const target = await connectTargetFor(deps, installation, usable ? actor.id : null);
  if (input.method === McpInspectMethod.TOOLS_LIST) {
    const connection = await deps.connections.connect(target);
    return { tools: connection.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema, annotations: t.annotations })) };
  }
  if (!input.toolName) throw new ValidationError('Invalid request', [{ field: 'toolName', location: 'body', message: 'Required with method "tools/call"' }]);
  return callToolOn(deps.connections, target, input.toolName, input.arguments ?? {});
}
