import { AuditAction } from '@mcp-registry/data-provider';
import type { AddGroupMemberInput, CreateGroupInput, UpdateGroupInput } from '@mcp-registry/data-provider';
import { isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { IGroup, Methods } from '@mcp-registry/data-schemas';
import { ConflictError, NotFoundError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';

export type GroupDeps = Pick<
  Methods,
  'createGroup' | 'findGroupInOrg' | 'listGroups' | 'updateGroup' | 'deleteGroup' | 'upsertGroupMember' | 'removeGroupMember' | 'findUserInOrg' | 'removeInstallationsOfTeam'
> &
  AuditDeps;

const taken = (name: string) => new ConflictError(`A group named "${name}" already exists`);

async function assertUsersInOrg(deps: Pick<GroupDeps, 'findUserInOrg'>, actor: Actor, userIds: string[]): Promise<void> {
  const found = await Promise.all(userIds.map((id) => deps.findUserInOrg(actor.organizationId, id)));
  if (found.some((u) => !u)) throw new NotFoundError('User');
}

export async function createGroup(deps: GroupDeps, actor: Actor, input: CreateGroupInput): Promise<IGroup> {
  const members = input.members ?? [];
  await assertUsersInOrg(deps, actor, [...new Set(members.map((m) => m.userId))]);
  let group: IGroup;
  try {
    group = await deps.createGroup({ organizationId: actor.organizationId, ...input, members });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw taken(input.name);
    throw error;
  }
  await recordAudit(deps, actor, { action: AuditAction.GROUP_CREATE, targetType: 'group', targetId: String(group._id), details: { name: group.name } });
  return group;
}

export function listGroups(deps: GroupDeps, actor: Actor, query: { limit?: number; after?: string; search?: string }) {
  return deps.listGroups({ organizationId: actor.organizationId, ...query });
}

export async function getGroup(deps: GroupDeps, actor: Actor, id: string): Promise<IGroup> {
  const group = await deps.findGroupInOrg(actor.organizationId, id);
  if (!group) throw new NotFoundError('Group');
  return group;
}

export async function updateGroup(deps: GroupDeps, actor: Actor, id: string, input: UpdateGroupInput): Promise<IGroup> {
  let group: IGroup | null;
  try {
    group = await deps.updateGroup(actor.organizationId, id, input);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw taken(input.name ?? '');
    throw error;
  }
  if (!group) throw new NotFoundError('Group');
  await recordAudit(deps, actor, { action: AuditAction.GROUP_UPDATE, targetType: 'group', targetId: id, details: { changed: Object.keys(input) } });
  return group;
}

export async function deleteGroup(deps: GroupDeps, actor: Actor, id: string): Promise<void> {
  const group = await deps.findGroupInOrg(actor.organizationId, id);
  if (!group || !(await deps.deleteGroup(actor.organizationId, id))) throw new NotFoundError('Group');
  await deps.removeInstallationsOfTeam(actor.organizationId, id);
  await recordAudit(deps, actor, { action: AuditAction.GROUP_DELETE, targetType: 'group', targetId: id, details: { name: group.name } });
}

export async function addGroupMember(deps: GroupDeps, actor: Actor, id: string, input: AddGroupMemberInput): Promise<IGroup> {
  if (!(await deps.findGroupInOrg(actor.organizationId, id))) throw new NotFoundError('Group');
  await assertUsersInOrg(deps, actor, [input.userId]);
  const group = await deps.upsertGroupMember(actor.organizationId, id, input.userId, input.role);
  if (!group) throw new NotFoundError('Group');
  await recordAudit(deps, actor, {
    action: AuditAction.GROUP_MEMBER_ADD,
    targetType: 'group',
    targetId: id,
    details: { userId: input.userId, role: input.role ?? 'member' },
  });
  return group;
}

/** Removing someone who is not a member is a 404 (nothing to remove). */
export async function removeGroupMember(deps: GroupDeps, actor: Actor, id: string, userId: string): Promise<IGroup> {
  const before = await deps.findGroupInOrg(actor.organizationId, id);
  if (!before) throw new NotFoundError('Group');
  if (!before.members.some((m) => String(m.userId) === userId)) throw new NotFoundError('Group member');
  const group = await deps.removeGroupMember(actor.organizationId, id, userId);
  if (!group) throw new NotFoundError('Group');
  await recordAudit(deps, actor, { action: AuditAction.GROUP_MEMBER_REMOVE, targetType: 'group', targetId: id, details: { userId } });
  return group;
}
