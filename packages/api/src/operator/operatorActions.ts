import { AuditAction } from '@mcp-registry/data-provider';
import type { CreateUserInput } from '@mcp-registry/data-provider';
import { generateApiKey } from '@mcp-registry/data-schemas';
import type { ApiKeyRecord, IOrganization, Methods, UserRecord } from '@mcp-registry/data-schemas';
import { NotFoundError, ValidationError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import { createUserAccount } from '../users/createUser';
import type { CreateUserDeps } from '../users/createUser';

/** What the operator CLI may do: the same rules as the admin API, without a caller (audited with `via: 'cli'`). */
export type OperatorDeps = Pick<
  Methods,
  'findOrganizationBySlug' | 'findUserByEmail' | 'findRole' | 'updateUser' | 'createApiKey' | 'listUsers'
> &
  CreateUserDeps &
  AuditDeps;

const VIA = { via: 'cli' } as const;

export async function findOrganization(deps: Pick<OperatorDeps, 'findOrganizationBySlug'>, slug: string): Promise<IOrganization> {
  const organization = await deps.findOrganizationBySlug(slug);
  if (!organization) throw new NotFoundError(`Organisation "${slug}"`);
  return organization;
}

async function findUser(deps: Pick<OperatorDeps, 'findUserByEmail'>, email: string): Promise<UserRecord> {
  const user = await deps.findUserByEmail(email);
  if (!user) throw new NotFoundError(`User "${email}"`);
  return user;
}

export async function operatorCreateUser(deps: OperatorDeps, orgSlug: string, input: CreateUserInput): Promise<UserRecord> {
  const organization = await findOrganization(deps, orgSlug);
  const user = await createUserAccount(deps, String(organization._id), input);
  await recordAudit(deps, null, {
    action: AuditAction.USER_CREATE,
    organizationId: String(organization._id),
    targetType: 'user',
    targetId: String(user._id),
    details: { email: user.email, role: user.role, ...VIA },
  });
  return user;
}

/** Sets the role of the user with this email; the role must exist in the user's organisation. */
export async function operatorSetRole(deps: OperatorDeps, email: string, role: string): Promise<UserRecord> {
  const current = await findUser(deps, email);
  const organizationId = String(current.organizationId);
  if (!(await deps.findRole(organizationId, role))) {
    throw new ValidationError('Invalid input', [{ field: 'role', location: 'argv', message: `Unknown role "${role}"` }]);
  }
  const user = await deps.updateUser(organizationId, current._id, { role });
  if (!user) throw new NotFoundError(`User "${email}"`);
  await recordAudit(deps, null, {
    action: AuditAction.USER_UPDATE,
    organizationId,
    targetType: 'user',
    targetId: String(user._id),
    details: { changed: ['role'], fromRole: current.role, toRole: role, ...VIA },
  });
  return user;
}

/** A new API key for the user with this email; the clear key is in the result once. */
export async function operatorCreateApiKey(
  deps: OperatorDeps,
  email: string,
  input: { name: string; expiresAt?: Date },
): Promise<{ apiKey: ApiKeyRecord; key: string; user: UserRecord }> {
  const user = await findUser(deps, email);
  const generated = generateApiKey();
  const apiKey = await deps.createApiKey({
    organizationId: user.organizationId,
    userId: user._id,
    name: input.name,
    prefix: generated.prefix,
    hash: generated.hash,
    expiresAt: input.expiresAt ?? null,
  });
  await recordAudit(deps, null, {
    action: AuditAction.API_KEY_CREATE,
    organizationId: String(user.organizationId),
    targetType: 'apiKey',
    targetId: String(apiKey._id),
    details: { name: apiKey.name, prefix: apiKey.prefix, userId: String(user._id), ...VIA },
  });
  return { apiKey, key: generated.key, user };
}

export async function operatorListUsers(deps: OperatorDeps, orgSlug: string, query: { limit?: number; search?: string; after?: string }) {
  const organization = await findOrganization(deps, orgSlug);
  return deps.listUsers({ organizationId: organization._id, ...query });
}
