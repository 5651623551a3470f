import { AuditAction, Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import type { CreateApiKeyInput } from '@mcp-registry/data-provider';
import { generateApiKey } from '@mcp-registry/data-schemas';
import type { ApiKeyRecord, Methods } from '@mcp-registry/data-schemas';
import { ForbiddenError, NotFoundError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import { hasPermission } from '../auth/permissions';

export type ApiKeyDeps = Pick<Methods, 'createApiKey' | 'listApiKeys' | 'revokeApiKey' | 'findUserInOrg'> & AuditDeps;

const isKeyAdmin = (actor: Actor) => hasPermission(actor, PermissionTypes.API_KEYS, Permissions.ADMIN);

/** Keys of someone else need API_KEYS:ADMIN, and that someone must be in the caller's organisation. */
async function resolveKeyOwner(deps: ApiKeyDeps, actor: Actor, userId: string | undefined): Promise<string> {
  if (!userId || userId === actor.id) return actor.id;
  if (!isKeyAdmin(actor)) throw new ForbiddenError('Only an admin can manage API keys of other users');
  if (!(await deps.findUserInOrg(actor.organizationId, userId))) throw new NotFoundError('User');
  return userId;
}

/** Creates a key; the secret is in the result once and never stored in clear. */
export async function createApiKey(deps: ApiKeyDeps, actor: Actor, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyRecord; key: string }> {
  const userId = await resolveKeyOwner(deps, actor, input.userId);
  const generated = generateApiKey();
  const apiKey = await deps.createApiKey({
    organizationId: actor.organizationId,
    userId,
    name: input.name,
    prefix: generated.prefix,
    hash: generated.hash,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
  });
  await recordAudit(deps, actor, {
    action: AuditAction.API_KEY_CREATE,
    targetType: 'apiKey',
    targetId: String(apiKey._id),
    details: { name: apiKey.name, prefix: apiKey.prefix, userId },
  });
  return { apiKey, key: generated.key };
}

export async function listApiKeys(deps: ApiKeyDeps, actor: Actor, query: { userId?: string; limit?: number; after?: string }) {
  const userId = await resolveKeyOwner(deps, actor, query.userId);
  return deps.listApiKeys({ organizationId: actor.organizationId, userId, limit: query.limit, after: query.after });
}

/** A user revokes their own keys; a key admin any key of the organisation. Revoking twice is a 404. */
export async function revokeApiKey(deps: ApiKeyDeps, actor: Actor, id: string): Promise<void> {
  const owner = isKeyAdmin(actor) ? undefined : actor.id;
  const apiKey = await deps.revokeApiKey(actor.organizationId, id, owner);
  if (!apiKey) throw new NotFoundError('API key');
  await recordAudit(deps, actor, {
    action: AuditAction.API_KEY_REVOKE,
    targetType: 'apiKey',
    targetId: id,
    details: { prefix: apiKey.prefix, userId: String(apiKey.userId) },
  });
}
