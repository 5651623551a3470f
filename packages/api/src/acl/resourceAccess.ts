import { PermissionBits, PrincipalType } from '@mcp-registry/data-provider';
import type { ResourceType } from '@mcp-registry/data-provider';
import { ForbiddenError, NotFoundError } from '../errors/apiError';

export interface Principal {
  type: PrincipalType;
  /** User id, group id or role name; absent for `public`. */
  id?: string;
}

/** Who the caller is for ACL purposes — an Actor satisfies this. */
export interface AclSubject {
  id: string;
  organizationId: string;
  role: string;
  groupIds: readonly string[];
}

/**
 * What issue 4's AclEntry methods implement (`createAclEntryMethods` → `getEffectiveBits`). Entries of other
 * organisations must never match.
 */
export interface AclStore {
  /** OR of the bits granted to any of `principals` on the resource; 0 when none. */
  getEffectiveBits(input: {
    organizationId: string;
    resourceType: ResourceType;
    resourceId: string;
    principals: readonly Principal[];
  }): Promise<number>;
}

/** Until a resource with ACL entries exists, nothing is visible. */
export const denyAllAclStore: AclStore = { getEffectiveBits: async () => 0 };

/** The caller's principals: the user, each of their groups, their role, and public. */
export function principalsOf(subject: AclSubject): Principal[] {
  return [
    { type: PrincipalType.USER, id: subject.id },
    ...subject.groupIds.map((id) => ({ type: PrincipalType.GROUP, id })),
    { type: PrincipalType.ROLE, id: subject.role },
    { type: PrincipalType.PUBLIC },
  ];
}

export function combineBits(bits: Iterable<number>): number {
  let out = 0;
  for (const b of bits) out |= b;
  return out;
}

export function hasBits(effective: number, required: number): boolean {
  return (effective & required) === required;
}

export interface ResourceAccessCheck {
  resourceType: ResourceType;
  resourceId: string;
  /** Bits needed, e.g. PermissionBits.EDIT. VIEW is always needed. */
  required: number;
  /** Used in the 404 message, e.g. 'MCP server'. */
  label: string;
}

/**
 * The effective bits of `subject` on a resource. Without VIEW the resource is invisible (404, never 403);
 * with VIEW but not `required`, 403.
 */
export async function checkResourceAccess(store: AclStore, subject: AclSubject, check: ResourceAccessCheck): Promise<number> {
  const effective = await store.getEffectiveBits({
    organizationId: subject.organizationId,
    resourceType: check.resourceType,
    resourceId: check.resourceId,
    principals: principalsOf(subject),
  });
  if (!hasBits(effective, PermissionBits.VIEW)) throw new NotFoundError(check.label);
  if (!hasBits(effective, check.required)) throw new ForbiddenError();
  return effective;
}
