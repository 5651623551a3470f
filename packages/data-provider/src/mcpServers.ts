import { PermissionBits } from './permissions';

/** Transports the API accepts; `http` is an alias stored as `streamable-http`. YAML may also declare `stdio`. */
export const McpTransport = {
  STREAMABLE_HTTP: 'streamable-http',
  SSE: 'sse',
  STDIO: 'stdio',
} as const;

export type McpTransport = (typeof McpTransport)[keyof typeof McpTransport];

export const MCP_HTTP_ALIAS = 'http';

/** The `type` values a client may send (stdio is configuration-only). */
export const mcpApiTransports: readonly string[] = [McpTransport.STREAMABLE_HTTP, MCP_HTTP_ALIAS, McpTransport.SSE];

export const McpServerSource = {
  USER: 'user',
  YAML: 'yaml',
} as const;

export type McpServerSource = (typeof McpServerSource)[keyof typeof McpServerSource];

export const McpApiKeySource = {
  ADMIN: 'admin',
  USER: 'user',
} as const;

export type McpApiKeySource = (typeof McpApiKeySource)[keyof typeof McpApiKeySource];

export const McpAuthorizationType = {
  BEARER: 'bearer',
  BASIC: 'basic',
  CUSTOM: 'custom',
} as const;

export type McpAuthorizationType = (typeof McpAuthorizationType)[keyof typeof McpAuthorizationType];

export const TokenExchangeMethod = {
  DEFAULT_POST: 'default_post',
  BASIC_AUTH_HEADER: 'basic_auth_header',
} as const;

export type TokenExchangeMethod = (typeof TokenExchangeMethod)[keyof typeof TokenExchangeMethod];

/** Limits of the catalog's inputs (validated at the edge, described in OpenAPI). */
export const McpServerLimits = {
  TITLE_MAX: 100,
  DESCRIPTION_MAX: 2000,
  ICON_PATH_MAX: 2048,
  URL_MAX: 2048,
  HEADERS_MAX: 32,
  HEADER_NAME_MAX: 128,
  HEADER_VALUE_MAX: 8192,
  SECRET_MAX: 8192,
  SCOPE_MAX: 1024,
  USER_VARS_MAX: 32,
  USER_VAR_TEXT_MAX: 500,
  TIMEOUT_MIN_MS: 1_000,
  TIMEOUT_MAX_MS: 600_000,
  SERVER_NAME_MAX: 64,
  SEARCH_MAX: 100,
} as const;

/** Slugs: lowercase letters, digits and single dashes, no leading or trailing dash. */
export const MCP_SERVER_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MCP_DEFAULT_SERVER_NAME = 'mcp-server';
/**
 * Slugs never given to a new server: `/api/mcp/servers/…` is the catalog, so a server called `servers` could not be
 * reached at `/api/mcp/{serverName}/…`.
 */
export const RESERVED_MCP_SERVER_NAMES: readonly string[] = ['servers'];
/** Names of custom user variables, as they appear in `{{NAME}}` placeholders. */
export const MCP_USER_VAR_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Header names a server definition may never set (case-insensitive); any `Proxy-*` header is refused too. */
export const forbiddenMcpHeaderNames: readonly string[] = [
  'host',
  'cookie',
  'content-length',
  'transfer-encoding',
  'connection',
  'upgrade',
  'te',
  'keep-alive',
];
export const FORBIDDEN_MCP_HEADER_PREFIX = 'proxy-';

export interface McpUserVarDefinition {
  title: string;
  description?: string;
}

export interface McpOAuthInput {
  authorization_url?: string;
  token_url?: string;
  client_id?: string;
  client_secret?: string;
  scope?: string;
  token_exchange_method?: TokenExchangeMethod;
  revocation_endpoint?: string;
}

export interface McpApiKeyInput {
  source: McpApiKeySource;
  key?: string;
  authorization_type: McpAuthorizationType;
  custom_header?: string;
}

export interface McpServerConfigInput {
  type: string;
  url: string;
  headers?: Record<string, string>;
  oauth?: McpOAuthInput;
  apiKey?: McpApiKeyInput;
  customUserVars?: Record<string, McpUserVarDefinition>;
  timeout?: number;
}

export interface CreateMcpServerInput {
  title: string;
  description?: string;
  iconPath?: string;
  config: McpServerConfigInput;
}

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/**
 * JSON merge patch (RFC 7386) of a server: omitted fields stay, `null` clears. `version` is the one the client read;
 * a stale one is a 409.
 */
export interface UpdateMcpServerInput {
  version: number;
  title?: string;
  description?: string | null;
  iconPath?: string | null;
  config?: {
    type?: string;
    url?: string;
    headers?: Record<string, string | null> | null;
    oauth?: Nullable<McpOAuthInput> | null;
    apiKey?: Nullable<McpApiKeyInput> | null;
    customUserVars?: Record<string, McpUserVarDefinition | null> | null;
    timeout?: number | null;
  };
}

export interface ListMcpServersQuery {
  limit?: number;
  after?: string;
  search?: string;
}

/** What responses show of the OAuth settings: everything but the secret. */
export interface McpOAuthDto {
  authorization_url?: string;
  token_url?: string;
  client_id?: string;
  scope?: string;
  token_exchange_method?: TokenExchangeMethod;
  revocation_endpoint?: string;
  hasClientSecret: boolean;
}

export interface McpApiKeyDto {
  source: McpApiKeySource;
  authorization_type: McpAuthorizationType;
  custom_header?: string;
  hasKey: boolean;
}

export interface McpServerConfigDto {
  type: McpTransport;
  url?: string;
  /** YAML stdio servers only. */
  command?: string;
  args?: string[];
  envNames?: string[];
  /** Header values are secrets: only the names are shown. */
  headerNames: string[];
  oauth?: McpOAuthDto;
  apiKey?: McpApiKeyDto;
  customUserVars?: Record<string, McpUserVarDefinition>;
  timeout?: number;
}

export interface McpServerDto {
  id: string;
  organizationId: string;
  serverName: string;
  title: string;
  description: string;
  iconPath: string | null;
  config: McpServerConfigDto;
  source: McpServerSource;
  /** The creating user; null for servers from the configuration file. */
  author: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Access roles of the sharing API and the ACL bits each grants. */
export const AccessRoleIds = {
  MCPSERVER_VIEWER: 'mcpServer_viewer',
  MCPSERVER_EDITOR: 'mcpServer_editor',
  MCPSERVER_OWNER: 'mcpServer_owner',
} as const;

export type AccessRoleId = (typeof AccessRoleIds)[keyof typeof AccessRoleIds];

const B = PermissionBits;

export const accessRoleBits: Readonly<Record<AccessRoleId, number>> = {
  mcpServer_viewer: B.VIEW,
  mcpServer_editor: B.VIEW | B.EDIT,
  mcpServer_owner: B.VIEW | B.EDIT | B.DELETE | B.SHARE,
};

export const accessRoleIdList: readonly AccessRoleId[] = Object.values(AccessRoleIds);

/** Principal types a share may name; `public` is set through the `public` flag instead. */
export const shareablePrincipalTypes = ['user', 'group', 'role'] as const;

export type ShareablePrincipalType = (typeof shareablePrincipalTypes)[number];

export interface SharePrincipalInput {
  type: ShareablePrincipalType;
  /** A user or group ObjectId, or a role name. */
  id: string;
  accessRoleId: AccessRoleId;
}

export interface UpdateResourcePermissionsInput {
  updated?: SharePrincipalInput[];
  removed?: Array<{ type: ShareablePrincipalType; id: string }>;
  public?: boolean;
  publicAccessRoleId?: AccessRoleId;
}

export interface SharedPrincipalDto {
  type: ShareablePrincipalType;
  id: string;
  name: string;
  email?: string;
  accessRoleId: AccessRoleId | null;
  permBits: number;
}

export interface ResourcePermissionsDto {
  resourceType: string;
  resourceId: string;
  principals: SharedPrincipalDto[];
  public: boolean;
  publicAccessRoleId: AccessRoleId | null;
}

export const SHARE_MAX_ENTRIES = 100;
