import { randomBytes } from 'node:crypto';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../../auth/actor';
import { createGuardedFetch } from '../../ssrf/guardedFetch';
import type { SsrfOptions } from '../../ssrf/types';
import { completeOAuthCallback } from './completeOAuthCallback';
import type { OAuthCallbackInput } from './completeOAuthCallback';
import { initiateOAuth, startOAuthFlow } from './initiateOAuth';
import type { UsableInstallation } from '../resolveUsableInstallation';
import type { McpOAuthDeps, McpOAuthSettings } from './oauthDeps';
import { cancelOAuthFlow, getOAuthFlowStatus } from './oauthFlowStatus';
import { toOAuthFetch } from './oauthFetch';
import { createOAuthTokenSource } from './oauthTokenSource';
import { forgetServerOAuth, revokeOAuthTokens } from './revokeOAuthTokens';
import type { OAuthCleanup } from './revokeOAuthTokens';

export type McpOAuthOptions = Omit<McpOAuthSettings, 'holderId' | 'refreshSkewMs' | 'refreshLeaseMs'> &
  Partial<Pick<McpOAuthSettings, 'refreshSkewMs' | 'refreshLeaseMs'>>;

/** The MCP OAuth use cases on one guarded fetch (the operator's `mcpSettings` apply to every OAuth request). */
export function createMcpOAuth(input: { methods: Methods; logger: Logger; ssrf: SsrfOptions; options: McpOAuthOptions }) {
  const guarded = createGuardedFetch(input.ssrf);
  const deps: McpOAuthDeps = {
    ...input.methods,
    logger: input.logger,
    oauthFetch: toOAuthFetch(guarded),
    oauth: {
      refreshSkewMs: 60_000,
      refreshLeaseMs: 15_000,
      ...input.options,
      holderId: randomBytes(12).toString('hex'),
    },
  };
  const cleanup: OAuthCleanup = {
    revokeOAuthTokens: (actor, scope, reason) => revokeOAuthTokens(deps, actor, scope, reason),
    forgetServerOAuth: (actor, serverId, reason) => forgetServerOAuth(deps, actor, serverId, reason),
  };
  return {
    initiate: (actor: Actor, serverName: string) => initiateOAuth(deps, actor, serverName),
    start: (actor: Actor, usable: UsableInstallation) => startOAuthFlow(deps, actor, usable),
    callback: (callback: OAuthCallbackInput) => completeOAuthCallback(deps, callback),
    status: (actor: Actor, flowId: string) => getOAuthFlowStatus(deps, actor, flowId),
    cancel: (actor: Actor, serverName: string, flowId?: string) => cancelOAuthFlow(deps, actor, serverName, flowId),
    tokenSource: createOAuthTokenSource(deps),
    cleanup,
    close: () => guarded.close(),
  };
}

export type McpOAuth = ReturnType<typeof createMcpOAuth>;
