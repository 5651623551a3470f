/** Audit actions: `<resource>.<verb>`. Add new ones here; never write the string elsewhere. */
export const AuditAction = {
  AUTH_LOGIN: 'auth.login',
  AUTH_LOGIN_FAILED: 'auth.login_failed',
  ORGANIZATION_CREATE: 'organization.create',
  USER_CREATE: 'user.create',
  USER_UPDATE: 'user.update',
  USER_DELETE: 'user.delete',
  GROUP_CREATE: 'group.create',
  GROUP_UPDATE: 'group.update',
  GROUP_DELETE: 'group.delete',
  GROUP_MEMBER_ADD: 'group.member_add',
  GROUP_MEMBER_REMOVE: 'group.member_remove',
  ROLE_CREATE: 'role.create',
  ROLE_UPDATE: 'role.update',
  API_KEY_CREATE: 'apiKey.create',
  API_KEY_REVOKE: 'apiKey.revoke',
  MCP_SERVER_CREATE: 'mcpServer.create',
  MCP_SERVER_UPDATE: 'mcpServer.update',
  MCP_SERVER_DELETE: 'mcpServer.delete',
  MCP_SERVER_SHARE: 'mcpServer.share',
  INSTALLATION_CREATE: 'installation.create',
  INSTALLATION_UPDATE: 'installation.update',
  INSTALLATION_DELETE: 'installation.delete',
  MCP_OAUTH_CONNECT: 'mcpOAuth.connect',
  MCP_OAUTH_REVOKE: 'mcpOAuth.revoke',
  MCP_OAUTH_REVOKE_FAILED: 'mcpOAuth.revoke_failed',
  GATEWAY_TOOL_CALL: 'gateway.toolCall',
} as const;

export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditEntryDto {
  id: string;
  organizationId: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  createdAt: string;
}
