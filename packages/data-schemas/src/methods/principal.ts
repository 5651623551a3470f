import type { Mongoose, Types } from 'mongoose';
import { groupSchema } from '../schema/group';
import { roleSchema } from '../schema/role';
import { userSchema } from '../schema/user';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export interface PrincipalDetails {
  users: Map<string, { name: string; email: string }>;
  groups: Map<string, { name: string }>;
  roles: Set<string>;
}

function objectIds(ids: Id[]): Types.ObjectId[] {
  return ids.map(toObjectId).filter((id): id is Types.ObjectId => id !== null);
}

/** Reads of users, groups and roles as ACL principals: only those of the organisation are found. */
export function createPrincipalMethods(mongoose: Mongoose) {
  const User = getModel(mongoose, 'User', userSchema);
  const Group = getModel(mongoose, 'Group', groupSchema);
  const Role = getModel(mongoose, 'Role', roleSchema);

  /** Names of the given principals that exist in the organisation (one query per kind that was asked for). */
  async function findPrincipalsInOrg(
    organizationId: Id,
    input: { userIds?: Id[]; groupIds?: Id[]; roleNames?: string[] },
  ): Promise<PrincipalDetails> {
    const orgId = toObjectId(organizationId);
    const out: PrincipalDetails = { users: new Map(), groups: new Map(), roles: new Set() };
    if (!orgId) return out;
    const userIds = objectIds(input.userIds ?? []);
    const groupIds = objectIds(input.groupIds ?? []);
    const roleNames = input.roleNames ?? [];
    const [users, groups, roles] = await Promise.all([
      userIds.length
        ? User.find({ _id: { $in: userIds }, organizationId: orgId }, { name: 1, email: 1 }).lean<
            Array<{ _id: Types.ObjectId; name: string; email: string }>
          >()
        : [],
      groupIds.length
        ? Group.find({ _id: { $in: groupIds }, organizationId: orgId }, { name: 1 }).lean<Array<{ _id: Types.ObjectId; name: string }>>()
        : [],
      roleNames.length
        ? Role.find({ organizationId: orgId, name: { $in: roleNames } }, { name: 1, _id: 0 }).lean<Array<{ name: string }>>()
        : [],
    ]);
    for (const u of users) out.users.set(String(u._id), { name: u.name, email: u.email });
    for (const g of groups) out.groups.set(String(g._id), { name: g.name });
    for (const r of roles) out.roles.add(r.name);
    return out;
  }

  return { findPrincipalsInOrg };
}
