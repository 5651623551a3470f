import type { Mongoose, Types } from 'mongoose';
import { PrincipalType } from '@mcp-registry/data-provider';
import type { ResourceType } from '@mcp-registry/data-provider';
import { aclEntrySchema } from '../schema/aclEntry';
import type { IAclEntry } from '../schema/aclEntry';
import { retryOnceOnDuplicateKey } from '../utils/duplicateKey';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';
import type { AclPrincipal } from '../utils/principalKey';

export interface AclGrant {
  organizationId: Id;
  principal: AclPrincipal;
  resourceType: ResourceType;
  resourceId: Id;
  permBits: number;
  accessRoleId?: string | null;
  grantedBy?: Id | null;
}

export interface AclResourceRef {
  resourceType: ResourceType;
  resourceId: Id;
}

function principalFilter(principal: AclPrincipal) {
  return { principalType: principal.type, principalId: principal.type === PrincipalType.PUBLIC ? null : (principal.id ?? null) };
}

export function createAclEntryMethods(mongoose: Mongoose) {
  const AclEntry = getModel(mongoose, 'AclEntry', aclEntrySchema);

  /** Sets the principal's bits on the resource (creating or replacing its one entry). */
  async function grantPermission(grant: AclGrant): Promise<IAclEntry> {
    const resourceId = toObjectId(grant.resourceId);
    if (!resourceId) throw new Error('grantPermission: malformed resource id');
    const key = { resourceType: grant.resourceType, resourceId, ...principalFilter(grant.principal) };
    const entry = await AclEntry.findOneAndUpdate(
      key,
      {
        $set: {
          organizationId: toObjectId(grant.organizationId),
          permBits: grant.permBits,
          accessRoleId: grant.accessRoleId ?? null,
          grantedBy: grant.grantedBy ? toObjectId(grant.grantedBy) : null,
        },
        $setOnInsert: key,
      },
      { upsert: true, new: true, lean: true },
    );
    return entry as IAclEntry;
  }

  async function revokePermission(ref: AclResourceRef & { principal: AclPrincipal }): Promise<boolean> {
    const resourceId = toObjectId(ref.resourceId);
    if (!resourceId) return false;
    const r = await AclEntry.deleteOne({ resourceType: ref.resourceType, resourceId, ...principalFilter(ref.principal) });
    return r.deletedCount === 1;
  }

  /** Every entry on the resource ("who can see this"), oldest first. */
  async function listResourceEntries(ref: AclResourceRef): Promise<IAclEntry[]> {
    const resourceId = toObjectId(ref.resourceId);
    if (!resourceId) return [];
    return AclEntry.find({ resourceType: ref.resourceType, resourceId }).sort({ _id: 1 }).lean<IAclEntry[]>();
  }

  /** OR of the bits the principals hold on the resource (entries of that organisation only); 0 when none. */
  async function getEffectiveBits(
    input: AclResourceRef & { organizationId: Id; principals: readonly AclPrincipal[] },
  ): Promise<number> {
    const resourceId = toObjectId(input.resourceId);
    const organizationId = toObjectId(input.organizationId);
    if (!resourceId || !organizationId || input.principals.length === 0) return 0;
    const rows = await AclEntry.find(
      { resourceType: input.resourceType, resourceId, organizationId, $or: input.principals.map(principalFilter) },
      { permBits: 1, _id: 0 },
    ).lean<Array<{ permBits: number }>>();
    return rows.reduce((bits, row) => bits | row.permBits, 0);
  }

  /** Ids of the resources on which the principals together hold all of `requiredBits` ("what can they see"). */
  async function findAccessibleResourceIds(
    input: { organizationId: Id; resourceType: ResourceType; principals: readonly AclPrincipal[]; requiredBits: number },
  ): Promise<Types.ObjectId[]> {
    const organizationId = toObjectId(input.organizationId);
    if (!organizationId || input.principals.length === 0) return [];
    const rows = await AclEntry.find(
      { organizationId, resourceType: input.resourceType, $or: input.principals.map(principalFilter) },
      { resourceId: 1, permBits: 1, _id: 0 },
    ).lean<Array<{ resourceId: Types.ObjectId; permBits: number }>>();
    const bits = new Map<string, { id: Types.ObjectId; bits: number }>();
    for (const row of rows) {
      const key = String(row.resourceId);
      const seen = bits.get(key);
      bits.set(key, { id: row.resourceId, bits: (seen?.bits ?? 0) | row.permBits });
    }
    return [...bits.values()].filter((r) => (r.bits & input.requiredBits) === input.requiredBits).map((r) => r.id);
  }

  async function removeResourceEntries(ref: AclResourceRef): Promise<number> {
    const resourceId = toObjectId(ref.resourceId);
    if (!resourceId) return 0;
    const r = await AclEntry.deleteMany({ resourceType: ref.resourceType, resourceId });
    return r.deletedCount;
  }

  /** Removes every grant to a principal of the organisation (a deleted user or group). */
  async function removePrincipalEntries(organizationId: Id, principal: AclPrincipal): Promise<number> {
    const orgId = toObjectId(organizationId);
    if (!orgId) return 0;
    const r = await AclEntry.deleteMany({ organizationId: orgId, ...principalFilter(principal) });
    return r.deletedCount;
  }

  return {
    grantPermission: retryOnceOnDuplicateKey(grantPermission),
    revokePermission,
    listResourceEntries,
    getEffectiveBits,
    findAccessibleResourceIds,
    removeResourceEntries,
    removePrincipalEntries,
  };
}
