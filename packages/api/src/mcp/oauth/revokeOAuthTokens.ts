import { AuditAction } from '@mcp-registry/data-provider';
import type { McpOAuthTokenScope, PlainMcpOAuthToken } from '@mcp-registry/data-schemas';
import { recordAudit } from '../../audit/recordAudit';
import type { Actor } from '../../auth/actor';
import type { McpOAuthDeps } from './oauthDeps';

export type RevocationReason = 'disconnect' | 'uninstall' | 'server_deleted' | 'server_changed' | 'user_deleted';

interface ClientInfo {
  client_id?: string;
  client_secret?: string;
  token_endpoint_auth_method?: string;
}

function revocationRequest(client: ClientInfo, token: string, hint: string): { headers: Record<string, string>; body: URLSearchParams } {
  const body = new URLSearchParams({ token, token_type_hint: hint });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (client.client_secret && client.token_endpoint_auth_method === 'client_secret_basic') {
    const basic = Buffer.from(`${encodeURIComponent(client.client_id ?? '')}:${encodeURIComponent(client.client_secret)}`).toString('base64');
    headers.authorization = `Basic ${basic}`;
    return { headers, body };
  }
  if (client.client_id) body.set('client_id', client.client_id);
  if (client.client_secret) body.set('client_secret', client.client_secret);
  return { headers, body };
}

/** RFC 7009 for one row: the refresh token (which ends the grant) and the access token. */
async function revokeAtServer(deps: McpOAuthDeps, row: PlainMcpOAuthToken, endpoint: string): Promise<void> {
  const client = row.clientInformation as ClientInfo;
  const tokens: Array<[string, string]> = [];
  if (row.refreshToken) tokens.push([row.refreshToken, 'refresh_token']);
  tokens.push([row.accessToken, 'access_token']);
  for (const [token, hint] of tokens) {
    const { headers, body } = revocationRequest(client, token, hint);
    const res = await deps.oauthFetch(endpoint, { method: 'POST', headers, body });
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) throw new Error(`revocation endpoint answered HTTP ${res.status}`);
  }
}

async function revokeOne(deps: McpOAuthDeps, actor: Actor | null, row: PlainMcpOAuthToken, reason: RevocationReason): Promise<void> {
  const endpoint = row.authServerMetadata.revocation_endpoint;
  if (typeof endpoint !== 'string' || !endpoint) return;
  const audit = { organizationId: row.organizationId, targetType: 'installation', targetId: row.installationId };
  const details = { userId: row.userId, serverId: row.serverId, reason };
  try {
    await revokeAtServer(deps, row, endpoint);
    await recordAudit(deps, actor, { ...audit, action: AuditAction.MCP_OAUTH_REVOKE, details });
  } catch (error) {
    const cause = error instanceof Error ? error.message : 'unknown error';
    deps.logger.warn('[MCP OAuth] token revocation failed; tokens deleted anyway', { ...details, installationId: row.installationId, cause });
    await recordAudit(deps, actor, { ...audit, action: AuditAction.MCP_OAUTH_REVOKE_FAILED, details: { ...details, cause } });
  }
}

/**
 * Deletes the flows and tokens in `scope` (a flow still open would otherwise store tokens for what is gone) and revokes them where the authorization server advertises (or the catalog names)
 * a revocation endpoint. The rows go first: a failed revocation is logged and audited, never retried with tokens
 * kept around.
 */
export async function revokeOAuthTokens(deps: McpOAuthDeps, actor: Actor | null, scope: McpOAuthTokenScope, reason: RevocationReason): Promise<number> {
  await deps.deleteOAuthFlowsWhere(scope);
  const rows = await deps.takeOAuthTokens(scope);
  await Promise.all(rows.map((row) => revokeOne(deps, actor, row, reason)));
  return rows.length;
}

/** A catalog server deleted, or its URL or OAuth settings changed: every token, client and flow of it goes. */
export async function forgetServerOAuth(deps: McpOAuthDeps, actor: Actor | null, serverId: string, reason: RevocationReason): Promise<void> {
  await revokeOAuthTokens(deps, actor, { serverId }, reason);
  await deps.deleteOAuthClient(serverId);
}

/** What other use cases (uninstall, user and server deletion) call; bound to the OAuth deps in services. */
export interface OAuthCleanup {
  revokeOAuthTokens(actor: Actor | null, scope: McpOAuthTokenScope, reason: RevocationReason): Promise<number>;
  forgetServerOAuth(actor: Actor | null, serverId: string, reason: RevocationReason): Promise<void>;
}
