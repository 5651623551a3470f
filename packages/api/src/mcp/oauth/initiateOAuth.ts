import { randomBytes } from 'node:crypto';
import { startAuthorization } from '@modelcontextprotocol/sdk/client/auth.js';
import type { McpOAuthInitiateResponse } from '@mcp-registry/data-provider';
import type { Actor } from '../../auth/actor';
import { ApiError, UpstreamUnavailableError, ValidationError } from '../../errors/apiError';
import { resolveUsableInstallation } from '../resolveUsableInstallation';
import type { UsableInstallation } from '../resolveUsableInstallation';
import { csrfTokenFor } from './csrfCookie';
import { discoverAuthServer } from './discoverAuthServer';
import { ensureOAuthClient } from './ensureOAuthClient';
import type { McpOAuthDeps } from './oauthDeps';

export interface InitiatedOAuth extends McpOAuthInitiateResponse {
  /** Value of the `oauth_csrf` cookie the route sets. */
  csrfToken: string;
}

export function oauthRedirectUri(publicUrl: string, serverName: string): string {
  return new URL(`/api/mcp/${encodeURIComponent(serverName)}/oauth/callback`, publicUrl).href;
}

/** SDK errors (metadata that fails to parse, a refused registration) become 502 with their message. */
function asUpstreamError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : 'unknown error';
  return new UpstreamUnavailableError(`OAuth setup with the authorization server failed: ${message}`);
}

/** Starts a flow for an installation already resolved for the caller (initiate, and reinitialize of an OAuth server). */
export async function startOAuthFlow(deps: McpOAuthDeps, actor: Actor, usable: UsableInstallation): Promise<InitiatedOAuth> {
  if (!usable.config.url) throw new ValidationError('This MCP server is not a remote server and cannot use OAuth');
  const redirectUri = oauthRedirectUri(deps.oauth.publicUrl, usable.serverName);
  try {
    const info = await discoverAuthServer(deps.oauthFetch, usable.config);
    const clientInformation = await ensureOAuthClient(deps, { serverId: usable.serverId, config: usable.config, info, redirectUri });
    const state = randomBytes(32).toString('base64url');
    const flowId = randomBytes(16).toString('hex');
    const { authorizationUrl, codeVerifier } = await startAuthorization(info.authServerUrl, {
      metadata: info.metadata,
      clientInformation,
      redirectUrl: redirectUri,
      scope: info.scope,
      state,
      resource: new URL(info.resource),
    });
    await deps.createOAuthFlow({
      flowId,
      state,
      organizationId: actor.organizationId,
      userId: actor.id,
      installationId: usable.installation._id,
      serverId: usable.serverId,
      serverName: usable.serverName,
      secrets: { codeVerifier, clientInformation: clientInformation as unknown as Record<string, unknown> },
      authServerUrl: info.authServerUrl,
      authServerMetadata: info.metadata as unknown as Record<string, unknown>,
      resource: info.resource,
      redirectUri,
      timeoutMs: deps.oauth.flowTimeoutMs,
    });
    return { authorizationUrl: authorizationUrl.href, flowId, csrfToken: csrfTokenFor(deps.oauth.csrfKey, flowId) };
  } catch (error) {
    throw asUpstreamError(error);
  }
}

/** POST /api/mcp/:serverName/oauth/initiate. */
export async function initiateOAuth(deps: McpOAuthDeps, actor: Actor, serverName: string): Promise<InitiatedOAuth> {
  const usable = await resolveUsableInstallation(deps, actor, serverName);
  return startOAuthFlow(deps, actor, usable);
}
