import { exchangeAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import type { AuthorizationServerMetadata, OAuthClientInformationMixed } from '@modelcontextprotocol/sdk/shared/auth.js';
import { AuditAction, McpOAuthCallbackError, McpOAuthFlowStatus } from '@mcp-registry/data-provider';
import type { McpOAuthFlowRecord } from '@mcp-registry/data-schemas';
import { recordAudit } from '../../audit/recordAudit';
import { isValidCsrfToken } from './csrfCookie';
import type { McpOAuthDeps } from './oauthDeps';
import { toStoredTokens } from './storedTokens';

export interface OAuthCallbackInput {
  serverName: string;
  code?: string;
  state?: string;
  /** The provider's `error` (e.g. `access_denied`). */
  error?: string;
  /** The `oauth_csrf` cookie the browser presented. */
  csrfToken?: string;
}

/** Where to send the browser; the route always answers 302. */
export interface OAuthCallbackResult {
  redirectUrl: string;
  /** True when the cookie belonged to this flow and must be cleared. */
  clearCookie: boolean;
}

const WAIT_FOR_CLAIM_MS = 10_000;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function providerError(error: string): string {
  return /^[a-z0-9_]{1,64}$/i.test(error) ? error : McpOAuthCallbackError.CALLBACK_FAILED;
}

function success(deps: McpOAuthDeps, serverName: string): OAuthCallbackResult {
  const url = new URL('/oauth/success', deps.oauth.clientUrl);
  url.searchParams.set('serverName', serverName);
  return { redirectUrl: url.href, clearCookie: true };
}

function failure(deps: McpOAuthDeps, error: string, clearCookie = false): OAuthCallbackResult {
  const url = new URL('/oauth/error', deps.oauth.clientUrl);
  url.searchParams.set('error', error);
  return { redirectUrl: url.href, clearCookie };
}

function outcomeOf(deps: McpOAuthDeps, flow: McpOAuthFlowRecord): OAuthCallbackResult | null {
  if (flow.status === McpOAuthFlowStatus.COMPLETED) return success(deps, flow.serverName);
  if (flow.status === McpOAuthFlowStatus.FAILED) return failure(deps, flow.error ?? McpOAuthCallbackError.CALLBACK_FAILED, true);
  return null;
}

/** A callback that lost the claim to a concurrent one waits for that one's outcome (read from MongoDB). */
async function awaitOutcome(deps: McpOAuthDeps, flowId: string): Promise<OAuthCallbackResult> {
  for (let waited = 0; waited < WAIT_FOR_CLAIM_MS; waited += POLL_MS) {
    const flow = await deps.findOAuthFlow(flowId);
    const outcome = flow ? outcomeOf(deps, flow) : failure(deps, McpOAuthCallbackError.INVALID_STATE);
    if (outcome) return outcome;
    await sleep(POLL_MS);
  }
  return failure(deps, McpOAuthCallbackError.CALLBACK_FAILED, true);
}

async function redeem(deps: McpOAuthDeps, flow: McpOAuthFlowRecord, code: string): Promise<OAuthCallbackResult> {
  const claimed = await deps.claimOAuthFlow(flow.flowId);
  if (!claimed) return awaitOutcome(deps, flow.flowId);
  try {
    const metadata = claimed.flow.authServerMetadata as unknown as AuthorizationServerMetadata;
    const clientInformation = claimed.secrets.clientInformation as unknown as OAuthClientInformationMixed;
    const tokens = await exchangeAuthorization(claimed.flow.authServerUrl, {
      metadata,
      clientInformation,
      authorizationCode: code,
      codeVerifier: claimed.secrets.codeVerifier,
      redirectUri: claimed.flow.redirectUri,
      resource: claimed.flow.resource ? new URL(claimed.flow.resource) : undefined,
      fetchFn: deps.oauthFetch,
    });
    await deps.saveOAuthTokens(
      toStoredTokens(tokens, {
        organizationId: String(flow.organizationId),
        installationId: String(flow.installationId),
        userId: String(flow.userId),
        serverId: String(flow.serverId),
        clientInformation: claimed.secrets.clientInformation,
        authServerUrl: claimed.flow.authServerUrl,
        authServerMetadata: claimed.flow.authServerMetadata,
        resource: claimed.flow.resource,
      }),
    );
    await deps.completeOAuthFlow(flow.flowId);
  } catch (error) {
    deps.logger.warn('[MCP OAuth] token exchange failed', { serverName: flow.serverName, flowId: flow.flowId, reason: error instanceof Error ? error.message : 'unknown' });
    await deps.failOAuthFlow(flow.flowId, McpOAuthCallbackError.CALLBACK_FAILED);
    return failure(deps, McpOAuthCallbackError.CALLBACK_FAILED, true);
  }
  await recordAudit(deps, null, {
    action: AuditAction.MCP_OAUTH_CONNECT,
    organizationId: String(flow.organizationId),
    actorId: String(flow.userId),
    targetType: 'installation',
    targetId: String(flow.installationId),
    details: { serverName: flow.serverName },
  });
  return success(deps, flow.serverName);
}

/**
 * GET /api/mcp/:serverName/oauth/callback. `state` maps to a flow only through MongoDB, and the flow completes
 * only for the browser holding its CSRF cookie: there is deliberately no "most recent pending flow" fallback,
 * which would hand a victim's tokens to whoever sent them the authorization link. The browser in the sign-in window
 * always lands on a page of the client, also when the database fails underneath (`callback_failed`).
 */
export async function completeOAuthCallback(deps: McpOAuthDeps, input: OAuthCallbackInput): Promise<OAuthCallbackResult> {
  try {
    return await settleCallback(deps, input);
  } catch (error) {
    deps.logger.error('[MCP OAuth] callback failed', { serverName: input.serverName, error: error instanceof Error ? error.message : String(error) });
    return failure(deps, McpOAuthCallbackError.CALLBACK_FAILED);
  }
}

async function settleCallback(deps: McpOAuthDeps, input: OAuthCallbackInput): Promise<OAuthCallbackResult> {
  if (!input.state) return failure(deps, input.error ? providerError(input.error) : McpOAuthCallbackError.MISSING_STATE);
  const flow = await deps.findOAuthFlowByState(input.state);
  if (!flow || flow.serverName !== input.serverName) return failure(deps, McpOAuthCallbackError.INVALID_STATE);
  if (!isValidCsrfToken(deps.oauth.csrfKey, flow.flowId, input.csrfToken)) return failure(deps, McpOAuthCallbackError.CSRF_VALIDATION_FAILED);
  const settled = outcomeOf(deps, flow);
  if (settled) return settled;
  if (flow.expiresAt.getTime() <= Date.now()) {
    await deps.failOAuthFlow(flow.flowId, McpOAuthCallbackError.FLOW_EXPIRED);
    return failure(deps, McpOAuthCallbackError.FLOW_EXPIRED, true);
  }
  if (input.error) {
    const error = providerError(input.error);
    await deps.failOAuthFlow(flow.flowId, error);
    return failure(deps, error, true);
  }
  if (!input.code) return failure(deps, McpOAuthCallbackError.MISSING_CODE);
  return redeem(deps, flow, input.code);
}
