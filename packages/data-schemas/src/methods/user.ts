import type { Mongoose } from 'mongoose';
import { userSchema } from '../schema/user';
import type { IUser } from '../schema/user';
import { keysetPage } from '../utils/keysetPage';
import { getModel } from '../utils/model';
import { escapeRegExp, toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export type UserRecord = Omit<IUser, 'passwordHash'>;

export interface NewUser {
  organizationId: Id;
  email: string;
  name?: string;
  passwordHash: string;
  role: string;
}

const PUBLIC_FIELDS = { passwordHash: 0 } as const;

export function createUserMethods(mongoose: Mongoose) {
  const User = getModel(mongoose, 'User', userSchema);

  /** Inserts; a taken email throws a duplicate-key error (→ 409). */
  async function createUser(input: NewUser): Promise<UserRecord> {
    const doc = await User.create(input);
    const { passwordHash: _hash, ...user } = doc.toObject();
    return user;
  }

  async function findUserById(id: Id): Promise<UserRecord | null> {
    const _id = toObjectId(id);
    return _id ? User.findById(_id, PUBLIC_FIELDS).lean<UserRecord>() : null;
  }

  /** The user, only when they belong to the organisation (otherwise invisible: null). */
  async function findUserInOrg(organizationId: Id, id: Id): Promise<UserRecord | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    return User.findOne({ _id, organizationId: orgId }, PUBLIC_FIELDS).lean<UserRecord>();
  }

  /** For login only: the one read that includes the password hash. */
  async function findUserByEmailWithPassword(email: string): Promise<IUser | null> {
    return User.findOne({ email: email.trim().toLowerCase() }).select('+passwordHash').lean<IUser>();
  }

  async function findUserByEmail(email: string): Promise<UserRecord | null> {
    return User.findOne({ email: email.trim().toLowerCase() }, PUBLIC_FIELDS).lean<UserRecord>();
  }

  /** Newest first; `search` is a case-insensitive prefix of the email or the name. */
  async function listUsers(input: { organizationId: Id; limit?: number; after?: string; search?: string }) {
    const filter: Record<string, unknown> = { organizationId: toObjectId(input.organizationId) };
    if (input.search) {
      const prefix = new RegExp(`^${escapeRegExp(input.search)}`, 'i');
      filter.$or = [{ email: prefix }, { name: prefix }];
    }
    return keysetPage<IUser, UserRecord>(User, { filter, limit: input.limit, after: input.after, projection: PUBLIC_FIELDS });
  }

  async function updateUser(organizationId: Id, id: Id, update: { name?: string; role?: string }): Promise<UserRecord | null> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return null;
    return User.findOneAndUpdate({ _id, organizationId: orgId }, { $set: update }, { new: true, projection: PUBLIC_FIELDS }).lean<UserRecord>();
  }

  async function setUserPassword(id: Id, passwordHash: string): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    const r = await User.updateOne({ _id }, { $set: { passwordHash } });
    return r.matchedCount === 1;
  }

  /** True when a user was deleted (false: none, or in another organisation). */
  async function deleteUser(organizationId: Id, id: Id): Promise<boolean> {
    const _id = toObjectId(id);
    const orgId = toObjectId(organizationId);
    if (!_id || !orgId) return false;
    const r = await User.deleteOne({ _id, organizationId: orgId });
    return r.deletedCount === 1;
  }

  async function countUsersWithRole(organizationId: Id, role: string): Promise<number> {
    return User.countDocuments({ organizationId: toObjectId(organizationId), role });
  }

  async function countUsers(): Promise<number> {
    return User.estimatedDocumentCount();
  }

  return {
    createUser,
    findUserById,
    findUserInOrg,
    findUserByEmail,
    findUserByEmailWithPassword,
    listUsers,
    updateUser,
    setUserPassword,
    deleteUser,
    countUsersWithRole,
    countUsers,
  };
}
