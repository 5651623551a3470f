import {
  AccessRoleIds,
  accessRoleBits,
  AuditAction,
  Permissions,
  PermissionTypes,
  PrincipalType,
  ResourceType,
} from '@mcp-registry/data-provider';
import type { ResourcePermissionsDto, ShareablePrincipalType, UpdateResourcePermissionsInput } from '@mcp-registry/data-provider';
import type { McpServerRecord, Methods } from '@mcp-registry/data-schemas';
import { recordAudit } from '../../audit/recordAudit';
import type { AuditDeps } from '../../audit/recordAudit';
import type { Actor } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors/apiError';
import { getSharing } from './getSharing';
import type { GetSharingDeps } from './getSharing';

export type UpdateSharingDeps = GetSharingDeps &
  Pick<Methods, 'grantPermission' | 'revokePermission' | 'syncMcpServerViewers'> &
  AuditDeps;

const notFound: Record<ShareablePrincipalType, string> = { user: 'User', group: 'Group', role: 'Role' };

async function assertPrincipalsInOrg(deps: UpdateSharingDeps, actor: Actor, principals: Array<{ type: ShareablePrincipalType; id: string }>) {
  const ids = (type: ShareablePrincipalType) => principals.filter((p) => p.type === type).map((p) => p.id);
  const found = await deps.findPrincipalsInOrg(actor.organizationId, {
    userIds: ids(PrincipalType.USER),
    groupIds: ids(PrincipalType.GROUP),
    roleNames: ids(PrincipalType.ROLE),
  });
  const exists = { user: (id: string) => found.users.has(id), group: (id: string) => found.groups.has(id), role: (id: string) => found.roles.has(id) };
  const missing = principals.find((p) => !exists[p.type](p.id));
  if (missing) throw new NotFoundError(notFound[missing.type]);
}

function assertAuthorKept(server: McpServerRecord, input: UpdateResourcePermissionsInput): void {
  const author = server.author ? String(server.author) : null;
  if (!author) return;
  const isAuthor = (p: { type: string; id: string }) => p.type === PrincipalType.USER && p.id === author;
  const removed = (input.removed ?? []).findIndex(isAuthor);
  const lowered = (input.updated ?? []).findIndex((p) => isAuthor(p) && p.accessRoleId !== AccessRoleIds.MCPSERVER_OWNER);
  if (removed === -1 && lowered === -1) return;
  const field = removed !== -1 ? `removed[${removed}]` : `updated[${lowered}].accessRoleId`;
  throw new ValidationError('Invalid request', [{ field, location: 'body', message: 'The author of a server always keeps owner access' }]);
}

function assertMayChangePublic(actor: Actor, current: ResourcePermissionsDto, input: UpdateResourcePermissionsInput): void {
  if (input.public !== true) return;
  const role = input.publicAccessRoleId ?? AccessRoleIds.MCPSERVER_VIEWER;
  if (current.public && current.publicAccessRoleId === role) return;
  if (!hasPermission(actor, PermissionTypes.MCP_SERVERS, Permissions.SHARE_PUBLIC)) {
    throw new ForbiddenError('Sharing with everyone in the organisation needs the SHARE_PUBLIC permission');
  }
}

/**
 * Applies a sharing change (LibreChat's `{ updated, removed, public }`) to a server the caller may SHARE, then
 * refreshes the server's viewer keys and answers the new state as GET would.
 */
export async function updateSharing(
  deps: UpdateSharingDeps,
  actor: Actor,
  server: McpServerRecord,
  input: UpdateResourcePermissionsInput,
): Promise<ResourcePermissionsDto> {
  const updated = input.updated ?? [];
  const removed = input.removed ?? [];
  assertAuthorKept(server, input);
  const current = await getSharing(deps, server);
  assertMayChangePublic(actor, current, input);
  await assertPrincipalsInOrg(deps, actor, updated);
  const ref = { resourceType: ResourceType.MCP_SERVER, resourceId: server._id };
  for (const p of updated) {
    const bits = accessRoleBits[p.accessRoleId];
    await deps.grantPermission({ ...ref, organizationId: actor.organizationId, principal: p, permBits: bits, accessRoleId: p.accessRoleId, grantedBy: actor.id });
  }
  for (const p of removed) await deps.revokePermission({ ...ref, principal: p });
  if (input.public === true) {
    const role = input.publicAccessRoleId ?? AccessRoleIds.MCPSERVER_VIEWER;
    const principal = { type: PrincipalType.PUBLIC };
    await deps.grantPermission({ ...ref, organizationId: actor.organizationId, principal, permBits: accessRoleBits[role], accessRoleId: role, grantedBy: actor.id });
  }
  if (input.public === false) await deps.revokePermission({ ...ref, principal: { type: PrincipalType.PUBLIC } });
  await deps.syncMcpServerViewers(actor.organizationId, server._id);
  await recordAudit(deps, actor, {
    action: AuditAction.MCP_SERVER_SHARE,
    targetType: ResourceType.MCP_SERVER,
    targetId: String(server._id),
    details: { serverName: server.serverName, updated, removed, public: input.public },
  });
  return getSharing(deps, server);
}
