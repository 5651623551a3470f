import { PrincipalType } from '@mcp-registry/data-provider';

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

/** The caller's principals: the user, each of their groups, their role, and public. */
export function principalsOf(subject: AclSubject): Principal[] {
  return [
    { type: PrincipalType.USER, id: subject.id },
    ...subject.groupIds.map((id) => ({ type: PrincipalType.GROUP, id })),
    { type: PrincipalType.ROLE, id: subject.role },
    { type: PrincipalType.PUBLIC },
  ];
}

export function hasBits(effective: number, required: number): boolean {
  return (effective & required) === required;
}
