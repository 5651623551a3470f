import { AuditAction, ResourceType } from '@mcp-registry/data-provider';
import type { UpdateMcpServerInput } from '@mcp-registry/data-provider';
import type { McpServerFields, McpServerRecord, Methods, PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import { ConflictError, NotFoundError, SecretReentryRequiredError } from '../errors/apiError';
import type { OAuthCleanup } from '../mcp/oauth/revokeOAuthTokens';
import type { SsrfOptions } from '../ssrf/types';
import { mergePatch, withoutEmptyObjects } from './mergePatch';
import { assertSafeServerUrls } from './outboundUrls';
import { assertConsistentConfig, normalizeTransport } from './serverConfig';

export type UpdateServerDeps = Pick<Methods, 'openStoredConfig' | 'updateMcpServer' | 'findServerById'> & AuditDeps & { ssrf: SsrfOptions } & Pick<OAuthCleanup, 'forgetServerOAuth'>;

type ConfigPatch = NonNullable<UpdateMcpServerInput['config']>;

const OAUTH_TARGETS = ['authorization_url', 'token_url', 'client_id'] as const;

function staleVersion(current: number): ConflictError {
  return new ConflictError('The MCP server was changed since you read it; fetch it again and retry', [
    { field: 'version', location: 'body', message: `The current version is ${current}` },
  ]);
}

function applyPatch(current: McpServerFields, patch: UpdateMcpServerInput): McpServerFields {
  const { version: _version, ...changes } = patch;
  const merged = mergePatch(current, changes) as Partial<McpServerFields>;
  const config = withoutEmptyObjects(merged.config ?? current.config) as PlainMcpServerConfig;
  if (config.oauth) config.oauth = withoutEmptyObjects(config.oauth);
  return {
    title: merged.title ?? current.title,
    description: merged.description ?? '',
    iconPath: merged.iconPath ?? null,
    config: { ...config, type: normalizeTransport(config.type) },
  };
}

/**
 * Secrets go to a place: header values and an admin API key to `url`, the client secret to the OAuth endpoints
 * for that client (and whatever `url` advertises). Moving the place without supplying the secret again would
 * let an editor redirect a secret they never saw; each such secret is named in the 400.
 */
export function secretsNeedingReentry(before: PlainMcpServerConfig, after: PlainMcpServerConfig, supplied: ConfigPatch = {}): string[] {
  const urlChanged = before.url !== after.url;
  const oauthMoved = urlChanged || OAUTH_TARGETS.some((k) => before.oauth?.[k] !== after.oauth?.[k]);
  const fields: string[] = [];
  if (oauthMoved && after.oauth?.client_secret && typeof supplied.oauth?.client_secret !== 'string') {
    fields.push('config.oauth.client_secret');
  }
  if (!urlChanged) return fields;
  for (const name of Object.keys(after.headers ?? {})) {
    if (typeof supplied.headers?.[name] !== 'string') fields.push(`config.headers.${name}`);
  }
  if (after.apiKey?.key && typeof supplied.apiKey?.key !== 'string') fields.push('config.apiKey.key');
  return fields;
}

/** Tokens were granted for a URL and a client: moving either ends them. */
function oauthTargetChanged(before: PlainMcpServerConfig, after: PlainMcpServerConfig): boolean {
  if (before.url !== after.url) return true;
  const a: Record<string, unknown> = { ...before.oauth };
  const b: Record<string, unknown> = { ...after.oauth };
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].some((key) => a[key] !== b[key]);
}

/** Applies a JSON merge patch to a server the caller may EDIT, if `version` is still current. */
export async function updateServer(
  deps: UpdateServerDeps,
  actor: Actor,
  server: McpServerRecord,
  patch: UpdateMcpServerInput,
): Promise<McpServerRecord> {
  if (patch.version !== server.version) throw staleVersion(server.version);
  const before = deps.openStoredConfig(server.config);
  const next = applyPatch({ title: server.title, description: server.description, iconPath: server.iconPath, config: before }, patch);
  assertConsistentConfig(next.config);
  const missing = secretsNeedingReentry(before, next.config, patch.config);
  if (missing.length > 0) {
    throw new SecretReentryRequiredError(
      'Changing where secrets are sent requires supplying them again',
      missing.map((field) => ({ field, location: 'body', message: 'Supply this secret again: where it is sent changed' })),
    );
  }
  await assertSafeServerUrls(deps.ssrf, next.config, before);
  const updated = await deps.updateMcpServer(actor.organizationId, server._id, patch.version, next);
  if (!updated) {
    const now = await deps.findServerById(actor.organizationId, server._id);
    if (!now) throw new NotFoundError('MCP server');
    throw staleVersion(now.version);
  }
  if (oauthTargetChanged(before, next.config)) await deps.forgetServerOAuth(actor, String(server._id), 'server_changed');
  await recordAudit(deps, actor, {
    action: AuditAction.MCP_SERVER_UPDATE,
    targetType: ResourceType.MCP_SERVER,
    targetId: String(server._id),
    details: { serverName: server.serverName, fields: Object.keys(patch).filter((k) => k !== 'version'), version: updated.version },
  });
  return updated;
}
