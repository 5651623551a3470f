import type { Mongoose, Types } from 'mongoose';
import { GroupMemberRole } from '@mcp-registry/data-provider';
import { groupSchema } from '../schema/group';
import type { IGroup } from '../schema/group';
import { keysetPage } from '../utils/keysetPage';
import { getModel } from '../utils/model';
import { escapeRegExp, toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export interface NewGroup {
  organizationId: Id;
  name: string;
  description?: string;
  members?: Array<{ userId: Id; role?: GroupMemberRole }>;
}

export function createGroupMethods(mongoose: Mongoose) {
  const Group = getModel(mongoose, 'Group', groupSchema);

  /** Inserts; a taken name in the organisation throws a duplicate-key error (→ 409). */
  async function createGroup(input: NewGroup): Promise<IGroup> {
    const doc = await Group.create(input);
    return doc.toObject();
  }

  async function findGroupInOrg(organizationId: Id, id: Id): Promise<IGroup | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    return Group.findOne({ _id, organizationId: orgId }).lean<IGroup>();
  }

  async function listGroups(input: { organizationId: Id; limit?: number; after?: string; search?: string }) {
    const filter: Record<string, unknown> = { organizationId: toObjectId(input.organizationId) };
    if (input.search) filter.name = new RegExp(`^${escapeRegExp(input.search)}`, 'i');
    return keysetPage(Group, { filter, limit: input.limit, after: input.after });
  }

  async function updateGroup(organizationId: Id, id: Id, update: { name?: string; description?: string }): Promise<IGroup | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    return Group.findOneAndUpdate({ _id, organizationId: orgId }, { $set: update }, { new: true }).lean<IGroup>();
  }

  async function deleteGroup(organizationId: Id, id: Id): Promise<boolean> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return false;
    const r = await Group.deleteOne({ _id, organizationId: orgId });
    return r.deletedCount === 1;
  }

  /** Adds the member, or sets their member role when already in; null when the group is not in the organisation. */
  async function upsertGroupMember(organizationId: Id, id: Id, userId: Id, role: GroupMemberRole = GroupMemberRole.MEMBER) {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    const uid = toObjectId(userId);
    if (!_id || !orgId || !uid) return null;
    const added = await Group.findOneAndUpdate(
      { _id, organizationId: orgId, 'members.userId': { $ne: uid } },
      { $push: { members: { userId: uid, role } } },
      { new: true },
    ).lean<IGroup>();
    if (added) return added;
    return Group.findOneAndUpdate(
      { _id, organizationId: orgId, 'members.userId': uid },
      { $set: { 'members.$.role': role } },
      { new: true },
    ).lean<IGroup>();
  }

  /** Null when the group is not in the organisation; the group unchanged when the user was not a member. */
  async function removeGroupMember(organizationId: Id, id: Id, userId: Id): Promise<IGroup | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    const uid = toObjectId(userId);
    if (!_id || !orgId || !uid) return null;
    return Group.findOneAndUpdate({ _id, organizationId: orgId }, { $pull: { members: { userId: uid } } }, { new: true }).lean<IGroup>();
  }

  async function removeUserFromAllGroups(userId: Id): Promise<void> {
    const uid = toObjectId(userId);
    if (!uid) return;
    await Group.updateMany({ 'members.userId': uid }, { $pull: { members: { userId: uid } } });
  }

  /** Ids of the groups the user is a member of (used for ACL principals). */
  async function listGroupIdsForUser(userId: Id): Promise<Types.ObjectId[]> {
    const uid = toObjectId(userId);
    if (!uid) return [];
    const rows = await Group.find({ 'members.userId': uid }, { _id: 1 }).lean<Array<{ _id: Types.ObjectId }>>();
    return rows.map((r) => r._id);
  }

  return {
    createGroup,
    findGroupInOrg,
    listGroups,
    updateGroup,
    deleteGroup,
    upsertGroupMember,
    removeGroupMember,
    removeUserFromAllGroups,
    listGroupIdsForUser,
  };
}
