import { PrincipalType } from '@mcp-registry/data-provider';
import type { PrincipalType as Principal } from '@mcp-registry/data-provider';

/** One ACL principal: a user or group (id = ObjectId hex), a role (id = role name), or `public` (no id). */
export interface AclPrincipal {
  type: Principal;
  id?: string | null;
}

/**
 * The string a principal is known by in a resource's `viewers` list. Keys are unique across organisations (ids
 * are; role names and `public` carry the organisation), so the viewer index needs no organisation prefix.
 */
export function principalKey(principal: AclPrincipal, organizationId: string): string {
  if (principal.type === PrincipalType.PUBLIC) return `public:${organizationId}`;
  if (principal.type === PrincipalType.ROLE) return `role:${organizationId}:${principal.id ?? ''}`;
  return `${principal.type}:${principal.id ?? ''}`;
}

/** Viewer key of configuration (YAML) servers: every member of the organisation whose role may use servers. */
export function organizationViewerKey(organizationId: string): string {
  return `org:${organizationId}`;
}
