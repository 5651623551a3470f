import { AccessRoleIds, ALL_PERMISSION_BITS, AuditAction, McpServerSource, PrincipalType, RESERVED_MCP_SERVER_NAMES, ResourceType } from '@mcp-registry/data-provider';
import type { CreateMcpServerInput } from '@mcp-registry/data-provider';
import { isDuplicateKeyError, principalKey } from '@mcp-registry/data-schemas';
import type { McpServerRecord, Methods, PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import { ConflictError } from '../errors/apiError';
import type { SsrfOptions } from '../ssrf/types';
import { assertSafeServerUrls } from './outboundUrls';
import { assertConsistentConfig, configFromInput } from './serverConfig';
import { firstFreeName, slugify } from './slug';

export type CreateServerDeps = Pick<Methods, 'insertMcpServer' | 'findTakenServerNames' | 'grantPermission' | 'deleteMcpServer'> &
  AuditDeps & { ssrf: SsrfOptions };

/** Enough for every racer on one title to get its own name: each round at least one insert wins. */
const NAME_ATTEMPTS = 100;

/**
 * Inserts under the first free slug of the title. The unique index decides races: a loser re-reads the taken
 * names and tries the next free one, so concurrent creates of one title get `x`, `x-2`, `x-3`, …
 */
async function insertUnderFreeName(
  deps: CreateServerDeps,
  actor: Actor,
  input: CreateMcpServerInput,
  config: PlainMcpServerConfig,
): Promise<McpServerRecord> {
  const base = slugify(input.title);
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt += 1) {
    const serverName = firstFreeName(base, [...RESERVED_MCP_SERVER_NAMES, ...(await deps.findTakenServerNames(actor.organizationId, base))]);
    try {
      return await deps.insertMcpServer({
        organizationId: actor.organizationId,
        serverName,
        title: input.title,
        description: input.description ?? '',
        iconPath: input.iconPath ?? null,
        config,
        source: McpServerSource.USER,
        author: actor.id,
        viewers: [principalKey({ type: PrincipalType.USER, id: actor.id }, actor.organizationId)],
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  throw new ConflictError('Could not find a free server name for this title; try again');
}

/** Validates, guards the URLs, stores the server (no connection is made) and gives the creator every bit. */
export async function createServer(deps: CreateServerDeps, actor: Actor, input: CreateMcpServerInput): Promise<McpServerRecord> {
  const config = configFromInput(input.config);
  assertConsistentConfig(config);
  await assertSafeServerUrls(deps.ssrf, config);
  const server = await insertUnderFreeName(deps, actor, input, config);
  try {
    await deps.grantPermission({
      organizationId: actor.organizationId,
      principal: { type: PrincipalType.USER, id: actor.id },
      resourceType: ResourceType.MCP_SERVER,
      resourceId: server._id,
      permBits: ALL_PERMISSION_BITS,
      accessRoleId: AccessRoleIds.MCPSERVER_OWNER,
      grantedBy: actor.id,
    });
  } catch (error) {
    await deps.deleteMcpServer(actor.organizationId, server._id);
    throw error;
  }
  await recordAudit(deps, actor, {
    action: AuditAction.MCP_SERVER_CREATE,
    targetType: ResourceType.MCP_SERVER,
    targetId: String(server._id),
    details: { serverName: server.serverName },
  });
  return server;
}
