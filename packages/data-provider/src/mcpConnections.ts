/** Where a connection to an MCP server stands, for one (installation, user). */
export const McpConnectionState = {
  DISCONNECTED: 'disconnected',
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  ERROR: 'error',
  NEEDS_AUTH: 'needs_auth',
} as const;

export type McpConnectionState = (typeof McpConnectionState)[keyof typeof McpConnectionState];

export const mcpConnectionStateList: readonly McpConnectionState[] = Object.values(McpConnectionState);

/** The variable a user's own API key is stored under when a server's `apiKey.source` is `user`. */
export const MCP_USER_API_KEY_VAR = 'MCP_API_KEY';

export const McpInspectMethod = {
  TOOLS_LIST: 'tools/list',
  TOOLS_CALL: 'tools/call',
} as const;

export type McpInspectMethod = (typeof McpInspectMethod)[keyof typeof McpInspectMethod];

export const mcpInspectMethodList: readonly McpInspectMethod[] = Object.values(McpInspectMethod);

/** Limits of the connection routes' inputs. */
export const McpCallLimits = {
  TOOL_NAME_MAX: 128,
} as const;

export interface McpToolDto {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
}

export interface McpAuthFieldDto {
  authField: string;
  label: string;
  description: string;
  sensitive: boolean;
}

export interface McpServerToolsDto {
  installationId: string;
  title: string;
  authenticated: boolean;
  authConfig: McpAuthFieldDto[];
  tools: McpToolDto[];
}

export interface McpToolsResponse {
  servers: Record<string, McpServerToolsDto>;
}

export interface McpConnectionStatusDto {
  /** The caller's usable installation of the server (personal, else team, else organisation). */
  installationId: string;
  title: string;
  connectionState: McpConnectionState;
  requiresOAuth: boolean;
  lastError?: string;
  lastConnectedAt?: string;
}

export interface McpConnectionStatusResponse {
  connectionStatus: Record<string, McpConnectionStatusDto>;
}

export interface McpReinitializeResponse {
  success: boolean;
  message: string;
  serverName: string;
  oauthRequired: boolean;
  oauthUrl: string | null;
}

export interface McpAuthValuesResponse {
  serverName: string;
  /** What the server asks each user for, in order; the values themselves are write-only. */
  authConfig: McpAuthFieldDto[];
  authValueFlags: Record<string, boolean>;
}

export interface UpdateMcpAuthValuesInput {
  values: Record<string, string | null>;
}

export interface McpCallToolInput {
  arguments?: Record<string, unknown>;
}

export interface McpInspectInput {
  method: McpInspectMethod;
  toolName?: string;
  arguments?: Record<string, unknown>;
}
