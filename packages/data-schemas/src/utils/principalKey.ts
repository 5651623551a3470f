import { PrincipalType } from '@mcp-registry/data-provider';
import type { PrincipalType as Principal } from '@mcp-registry/data-provider';

/** One ACL principal: a user or group (id = ObjectId hex), a role (id = role name), or `public` (no id). */
export interface AclPrincipal {
  type: Principal;
  id?: string | null;
}

/** Viewer key of configuration (YAML) servers: every member of the organisation allowed to use servers. */
export const ORGANIZATION_VIEWER_KEY = '*';

/** The string a principal is known by in a resource's `viewers` list. */
export function principalKey(principal: AclPrincipal): string {
  if (principal.type === PrincipalType.PUBLIC) return PrincipalType.PUBLIC;
  return `${principal.type}:${principal.id ?? ''}`;
}
