import type { AuthMethod, RolePermissions, UserDto } from '@mcp-registry/data-provider';

/** Who the caller is, resolved once per request by the authentication middleware. */
export interface ActorIdentity {
  id: string;
  organizationId: string;
  /** Role name, e.g. ADMIN. */
  role: string;
  /** The role's permissions, looked up once (cached briefly, see actorCache). */
  permissions: RolePermissions;
  /** Groups the caller is a member of (ACL principals). */
  groupIds: string[];
  /** The caller as GET /api/user returns them. */
  user: UserDto;
}

export interface Actor extends ActorIdentity {
  authMethod: AuthMethod;
  /** Set when the caller used an API key. */
  apiKeyId?: string;
  /** The request id, so services can put it in audit entries. */
  requestId?: string;
}
