/** Where an MCP OAuth flow stands. A cancelled or refused flow is FAILED with its reason in `error`. */
export const McpOAuthFlowStatus = {
  PENDING: 'PENDING',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
} as const;

export type McpOAuthFlowStatus = (typeof McpOAuthFlowStatus)[keyof typeof McpOAuthFlowStatus];

/** The `error` of `/oauth/error?error=…` besides what the authorization server itself answers. */
export const McpOAuthCallbackError = {
  MISSING_CODE: 'missing_code',
  MISSING_STATE: 'missing_state',
  INVALID_STATE: 'invalid_state',
  CSRF_VALIDATION_FAILED: 'csrf_validation_failed',
  FLOW_EXPIRED: 'flow_expired',
  CALLBACK_FAILED: 'callback_failed',
  CANCELLED: 'cancelled',
} as const;

export type McpOAuthCallbackError = (typeof McpOAuthCallbackError)[keyof typeof McpOAuthCallbackError];

/** The httpOnly cookie binding a callback to the browser that started the flow. */
export const MCP_OAUTH_CSRF_COOKIE = 'oauth_csrf';
export const MCP_OAUTH_COOKIE_PATH = '/api/mcp';
export const MCP_OAUTH_COOKIE_MAX_AGE_MS = 10 * 60 * 1000;

export interface McpOAuthInitiateResponse {
  authorizationUrl: string;
  flowId: string;
}

export interface McpOAuthFlowStatusResponse {
  status: McpOAuthFlowStatus;
  completed: boolean;
  failed: boolean;
  error: string | null;
}

export interface McpOAuthCancelResponse {
  success: boolean;
  message: string;
}
