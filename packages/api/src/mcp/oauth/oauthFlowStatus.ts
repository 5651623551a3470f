import { McpOAuthCallbackError, McpOAuthFlowStatus } from '@mcp-registry/data-provider';
import type { McpOAuthCancelResponse, McpOAuthFlowStatusResponse } from '@mcp-registry/data-provider';
import type { McpOAuthFlowRecord, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../../auth/actor';
import { ForbiddenError, NotFoundError } from '../../errors/apiError';
import { resolveUsableInstallation } from '../resolveUsableInstallation';
import type { ResolveUsableInstallationDeps } from '../resolveUsableInstallation';

/** A flow of another organisation is invisible (404); another user's flow in the same one is 403. */
async function ownFlow(deps: Pick<Methods, 'findOAuthFlow'>, actor: Actor, flowId: string): Promise<McpOAuthFlowRecord> {
  const flow = await deps.findOAuthFlow(flowId);
  if (!flow || String(flow.organizationId) !== actor.organizationId) throw new NotFoundError('OAuth flow');
  if (String(flow.userId) !== actor.id) throw new ForbiddenError('This OAuth flow belongs to another user');
  return flow;
}

/** A PENDING flow past its deadline reads as failed with `flow_expired` even before anything touched it. */
function statusOf(flow: McpOAuthFlowRecord): McpOAuthFlowStatusResponse {
  const expired = flow.status === McpOAuthFlowStatus.PENDING && flow.expiresAt.getTime() <= Date.now();
  const status = expired ? McpOAuthFlowStatus.FAILED : flow.status;
  const error = expired ? McpOAuthCallbackError.FLOW_EXPIRED : flow.error;
  return { status, completed: status === McpOAuthFlowStatus.COMPLETED, failed: status === McpOAuthFlowStatus.FAILED, error: error ?? null };
}

/** GET /api/mcp/oauth/status/:flowId. */
export async function getOAuthFlowStatus(deps: Pick<Methods, 'findOAuthFlow'>, actor: Actor, flowId: string): Promise<McpOAuthFlowStatusResponse> {
  return statusOf(await ownFlow(deps, actor, flowId));
}

export type CancelOAuthFlowDeps = Pick<Methods, 'findOAuthFlow' | 'listPendingOAuthFlows' | 'failOAuthFlow'> & ResolveUsableInstallationDeps;

/**
 * POST /api/mcp/oauth/cancel/:serverName: cancels the named flow (`flowId`, only the caller's own) or else every
 * pending flow of the caller for that server. A cancelled flow reads FAILED / `cancelled` until it is purged.
 */
export async function cancelOAuthFlow(deps: CancelOAuthFlowDeps, actor: Actor, serverName: string, flowId?: string): Promise<McpOAuthCancelResponse> {
  if (flowId) {
    const flow = await ownFlow(deps, actor, flowId);
    if (flow.serverName !== serverName) throw new NotFoundError('OAuth flow');
    const cancelled = await deps.failOAuthFlow(flowId, McpOAuthCallbackError.CANCELLED);
    return cancelled ? { success: true, message: `OAuth flow for ${serverName} cancelled` } : { success: false, message: 'The OAuth flow is no longer pending' };
  }
  const usable = await resolveUsableInstallation(deps, actor, serverName);
  const pending = await deps.listPendingOAuthFlows(actor.id, usable.installation._id);
  const results = await Promise.all(pending.map((f) => deps.failOAuthFlow(f.flowId, McpOAuthCallbackError.CANCELLED)));
  const count = results.filter(Boolean).length;
  if (count === 0) return { success: false, message: `No pending OAuth flow for ${serverName}` };
  return { success: true, message: `OAuth flow for ${serverName} cancelled` };
}
