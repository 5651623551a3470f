import { MCP_SERVER_NAME_PATTERN, McpServerLimits } from '../../mcpServers';
import { McpOAuthCallbackError, McpOAuthFlowStatus } from '../../mcpOAuth';
import { bearer, body, errors, json, noAuth, nullable, pathParam, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const serverName = pathParam('serverName', 'Catalog slug; resolves to your installation of it (personal, then team, then organisation)', {
  type: 'string',
  pattern: MCP_SERVER_NAME_PATTERN.source,
  maxLength: McpServerLimits.SERVER_NAME_MAX,
});
const flowId = { type: 'string' as const, pattern: '^[0-9a-f]{32}$' };

const initiateResponse = {
  type: 'object',
  required: ['authorizationUrl', 'flowId'],
  properties: {
    authorizationUrl: { type: 'string', format: 'uri', description: 'Open this in the browser (popup or redirect)' },
    flowId,
  },
};
const flowStatus = {
  type: 'object',
  required: ['status', 'completed', 'failed', 'error'],
  properties: {
    status: { type: 'string', enum: Object.values(McpOAuthFlowStatus) },
    completed: { type: 'boolean' },
    failed: { type: 'boolean' },
    error: { ...nullable({ type: 'string' }), description: 'e.g. cancelled, flow_expired, access_denied, callback_failed' },
  },
};
const cancelBody = {
  type: 'object',
  additionalProperties: false,
  properties: { flowId: { ...flowId, description: 'Cancel this flow only (yours); without it every pending flow of yours for the server' } },
};
const cancelResponse = { type: 'object', required: ['success', 'message'], properties: { success: { type: 'boolean' }, message: { type: 'string' } } };
const redirect = (description: string) => ({
  description,
  headers: { Location: { description: 'CLIENT_URL/oauth/success?serverName=… or CLIENT_URL/oauth/error?error=<code>', schema: { type: 'string' } } },
});

export const mcpOAuthPaths: OpenApiModule = {
  tag: { name: 'mcp-oauth', description: 'Connecting OAuth-protected MCP servers: authorization, callback, status, disconnect' },
  schemas: { McpOAuthInitiateResponse: initiateResponse, McpOAuthFlowStatus: flowStatus, McpOAuthCancel: cancelBody, McpOAuthCancelResponse: cancelResponse },
  paths: {
    '/api/mcp/{serverName}/oauth/initiate': {
      post: {
        summary: 'Start authorizing an OAuth-protected MCP server for yourself',
        description:
          'Discovers the authorization server (RFC 9728, RFC 8414), registers a client if needed (RFC 7591) and answers the authorization URL (PKCE S256, RFC 8707 resource). Sets the httpOnly oauth_csrf cookie the callback requires. An authorization server without PKCE S256 → 502 OAUTH_UNSUPPORTED.',
        operationId: 'initiateMcpOAuth',
        security: bearer,
        'x-permission': 'MCP_SERVERS:USE',
        parameters: [serverName],
        responses: { '200': json(ref('McpOAuthInitiateResponse')), ...errors(400, 401, 403, 404, 502) },
      },
    },
    '/api/mcp/{serverName}/oauth/callback': {
      get: {
        summary: 'Where the authorization server sends the browser back (no JWT; the oauth_csrf cookie binds it to the user)',
        description: `Always a 302. Error codes: the provider's own (e.g. access_denied) or ${Object.values(McpOAuthCallbackError).join(', ')}.`,
        operationId: 'mcpOAuthCallback',
        security: noAuth,
        'x-permission': 'public',
        parameters: [
          serverName,
          { name: 'code', in: 'query', schema: { type: 'string' } },
          { name: 'state', in: 'query', description: 'Opaque; maps to the flow server-side', schema: { type: 'string' } },
          { name: 'error', in: 'query', schema: { type: 'string' } },
          { name: 'oauth_csrf', in: 'cookie', description: 'Set by initiate', schema: { type: 'string' } },
        ],
        responses: { '302': redirect('To the client success or error page') },
      },
    },
    '/api/mcp/oauth/status/{flowId}': {
      get: {
        summary: 'Where one of your OAuth flows stands',
        operationId: 'getMcpOAuthStatus',
        security: bearer,
        'x-permission': 'MCP_SERVERS:USE',
        parameters: [pathParam('flowId', 'From initiate', flowId)],
        responses: { '200': json(ref('McpOAuthFlowStatus')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/mcp/oauth/cancel/{serverName}': {
      post: {
        summary: 'Cancel your pending OAuth flow(s) for a server',
        operationId: 'cancelMcpOAuth',
        security: bearer,
        'x-permission': 'MCP_SERVERS:USE',
        parameters: [serverName],
        requestBody: { ...body(ref('McpOAuthCancel')), required: false },
        responses: { '200': json(ref('McpOAuthCancelResponse')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/mcp/{serverName}/oauth/tokens': {
      delete: {
        summary: 'Sign out: revoke (RFC 7009) and delete your OAuth tokens for the server and close your connection to it (status: needs_auth)',
        operationId: 'deleteMcpOAuthTokens',
        security: bearer,
        'x-permission': 'MCP_SERVERS:USE',
        parameters: [serverName],
        responses: { '204': { description: 'Revoked and deleted' }, ...errors(400, 401, 403, 404) },
      },
    },
  },
};
