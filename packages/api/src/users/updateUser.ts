import { AuditAction } from '@mcp-registry/data-provider';
import type { UpdateUserInput } from '@mcp-registry/data-provider';
import type { Methods, UserRecord } from '@mcp-registry/data-schemas';
import { ConflictError, NotFoundError, ValidationError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';

export type UpdateUserDeps = Pick<Methods, 'updateUser' | 'findRole' | 'findUserInOrg'> & AuditDeps;

/** Renames a user or changes their role. Admins cannot change their own role (no accidental lock-out). */
export async function updateUser(deps: UpdateUserDeps, actor: Actor, id: string, input: UpdateUserInput): Promise<UserRecord> {
  const current = await deps.findUserInOrg(actor.organizationId, id);
  if (!current) throw new NotFoundError('User');
  const roleChanges = input.role !== undefined && input.role !== current.role;
  if (roleChanges && String(current._id) === actor.id) throw new ConflictError('You cannot change your own role');
  if (roleChanges && !(await deps.findRole(actor.organizationId, input.role as string))) {
    throw new ValidationError('Invalid request', [{ field: 'role', location: 'body', message: `Unknown role "${input.role}"` }]);
  }
  const user = await deps.updateUser(actor.organizationId, id, input);
  if (!user) throw new NotFoundError('User');
  await recordAudit(deps, actor, {
    action: AuditAction.USER_UPDATE,
    targetType: 'user',
    targetId: String(user._id),
    details: { changed: Object.keys(input), ...(roleChanges ? { fromRole: current.role, toRole: user.role } : {}) },
  });
  return user;
}
