import { AuditAction, SystemRoles } from '@mcp-registry/data-provider';
import type { CreateUserInput } from '@mcp-registry/data-provider';
import { hashPassword, isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { Methods, UserRecord } from '@mcp-registry/data-schemas';
import { ConflictError, ValidationError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';

export type CreateUserDeps = Pick<Methods, 'createUser' | 'findRole'> & AuditDeps;

/** Creates a user in an organisation (no caller: used by the CLI and start-up too). */
export async function createUserAccount(deps: CreateUserDeps, organizationId: string, input: CreateUserInput): Promise<UserRecord> {
  const role = input.role ?? SystemRoles.USER;
  if (!(await deps.findRole(organizationId, role))) {
    throw new ValidationError('Invalid request', [{ field: 'role', location: 'body', message: `Unknown role "${role}"` }]);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.createUser({ organizationId, email: input.email, name: input.name ?? '', passwordHash, role });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new ConflictError('A user with this email already exists');
    throw error;
  }
}

export async function createUser(deps: CreateUserDeps, actor: Actor, input: CreateUserInput): Promise<UserRecord> {
  const user = await createUserAccount(deps, actor.organizationId, input);
  await recordAudit(deps, actor, {
    action: AuditAction.USER_CREATE,
    targetType: 'user',
    targetId: String(user._id),
    details: { email: user.email, role: user.role },
  });
  return user;
}
