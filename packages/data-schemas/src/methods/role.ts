import type { Mongoose } from 'mongoose';
import { defaultRolePermissions, SystemRoles } from '@mcp-registry/data-provider';
import type { Permission, PermissionType, RolePermissions } from '@mcp-registry/data-provider';
import { roleSchema } from '../schema/role';
import type { IRole } from '../schema/role';
import { isDuplicateKeyError } from '../utils/duplicateKey';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export function createRoleMethods(mongoose: Mongoose) {
  const Role = getModel(mongoose, 'Role', roleSchema);

  /** Inserts ADMIN and USER with their default permissions when missing; existing (edited) roles are kept. */
  async function seedSystemRoles(organizationId: Id): Promise<void> {
    for (const name of Object.values(SystemRoles)) {
      try {
        await Role.updateOne(
          { organizationId, name },
          { $setOnInsert: { organizationId, name, permissions: defaultRolePermissions[name] } },
          { upsert: true },
        );
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
  }

  async function findRole(organizationId: Id, name: string): Promise<IRole | null> {
    const orgId = toObjectId(organizationId);
    return orgId ? Role.findOne({ organizationId: orgId, name }).lean<IRole>() : null;
  }

  async function listRoles(organizationId: Id): Promise<IRole[]> {
    const orgId = toObjectId(organizationId);
    return orgId ? Role.find({ organizationId: orgId }).sort({ name: 1 }).lean<IRole[]>() : [];
  }

  /** Inserts a custom role; a taken name throws a duplicate-key error (→ 409). */
  async function createRole(input: { organizationId: Id; name: string; permissions: RolePermissions }): Promise<IRole> {
    const doc = await Role.create(input);
    return doc.toObject();
  }

  /** Sets the named permissions of one type, keeping the others; null when the role does not exist. */
  async function setRolePermissions(
    organizationId: Id,
    name: string,
    type: PermissionType,
    permissions: Partial<Record<Permission, boolean>>,
  ): Promise<IRole | null> {
    const orgId = toObjectId(organizationId);
    if (!orgId) return null;
    const $set = Object.fromEntries(Object.entries(permissions).map(([p, v]) => [`permissions.${type}.${p}`, v]));
    return Role.findOneAndUpdate({ organizationId: orgId, name }, { $set }, { new: true }).lean<IRole>();
  }

  return { seedSystemRoles, findRole, listRoles, createRole, setRolePermissions };
}
