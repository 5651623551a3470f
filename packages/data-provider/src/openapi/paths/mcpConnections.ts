import { CUSTOM_USER_VAR_VALUE_MAX_LENGTH, CUSTOM_USER_VARS_MAX_COUNT } from '../../installations';
import { McpCallLimits, mcpConnectionStateList, mcpInspectMethodList } from '../../mcpConnections';
import { MCP_SERVER_NAME_PATTERN, McpServerLimits } from '../../mcpServers';
import { bearer, body, dateTime, errors, json, nullable, objectId, pathId, ref } from '../helpers';
import type { OpenApiModule, OpenApiParameter } from '../types';

const tags = ['mcpConnections'];
const permission = 'MCP_SERVERS:USE';

const serverName: OpenApiParameter = {
  name: 'serverName',
  in: 'path',
  required: true,
  description: 'Catalog slug; resolves to your usable installation of it (personal, else team, else organisation)',
  schema: { type: 'string', pattern: MCP_SERVER_NAME_PATTERN.source, maxLength: McpServerLimits.SERVER_NAME_MAX },
};
const toolName: OpenApiParameter = {
  name: 'toolName',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]+$', maxLength: McpCallLimits.TOOL_NAME_MAX },
};
const toolArguments = { type: 'object', maxProperties: 256, description: 'The tool arguments (its inputSchema)' };

const schemas = {
  McpTool: {
    type: 'object',
    required: ['name', 'inputSchema'],
    properties: { name: { type: 'string' }, description: { type: 'string' }, inputSchema: { type: 'object' } },
  },
  McpAuthField: {
    type: 'object',
    required: ['authField', 'label', 'description', 'sensitive'],
    properties: { authField: { type: 'string' }, label: { type: 'string' }, description: { type: 'string' }, sensitive: { type: 'boolean' } },
  },
  McpServerTools: {
    type: 'object',
    required: ['installationId', 'title', 'authenticated', 'authConfig', 'tools'],
    properties: {
      installationId: objectId,
      title: { type: 'string' },
      authenticated: { type: 'boolean', description: 'Every value the server needs is set, and it has not last refused them' },
      authConfig: { type: 'array', items: ref('McpAuthField') },
      tools: { type: 'array', items: ref('McpTool'), description: 'As last listed by the server (cached; no network call)' },
    },
  },
  McpToolsList: {
    type: 'object',
    required: ['servers'],
    properties: { servers: { type: 'object', additionalProperties: ref('McpServerTools'), description: 'By catalog slug' } },
  },
  McpConnectionStatus: {
    type: 'object',
    required: ['installationId', 'title', 'connectionState', 'requiresOAuth'],
    properties: {
      installationId: { ...objectId, description: 'Your usable installation of the server (personal, else team, else organisation)' },
      title: { type: 'string' },
      connectionState: { type: 'string', enum: [...mcpConnectionStateList] },
      requiresOAuth: { type: 'boolean' },
      lastError: { type: 'string', description: 'Why the last connection failed: timeout, refused, TLS, HTTP status, protocol' },
      lastConnectedAt: dateTime,
    },
  },
  McpConnectionStatusList: {
    type: 'object',
    required: ['connectionStatus'],
    properties: { connectionStatus: { type: 'object', additionalProperties: ref('McpConnectionStatus'), description: 'By catalog slug' } },
  },
  McpServerConnectionStatus: {
    allOf: [ref('McpConnectionStatus'), { type: 'object', required: ['serverName'], properties: { serverName: { type: 'string' } } }],
  },
  McpReinitializeResult: {
    type: 'object',
    required: ['success', 'message', 'serverName', 'oauthRequired', 'oauthUrl'],
    properties: {
      success: { type: 'boolean' },
      message: { type: 'string', description: 'On failure, the reason (unreachable, refused by the SSRF guard, credentials missing)' },
      serverName: { type: 'string' },
      oauthRequired: { type: 'boolean' },
      oauthUrl: nullable({ type: 'string' }),
    },
  },
  McpAuthValues: {
    type: 'object',
    required: ['serverName', 'authConfig', 'authValueFlags'],
    properties: {
      serverName: { type: 'string' },
      authConfig: { type: 'array', items: ref('McpAuthField'), description: 'What the server asks each user for' },
      authValueFlags: { type: 'object', additionalProperties: { type: 'boolean' }, description: 'Whether each value is set (yours, or the installation\'s); never the value' },
    },
  },
  UpdateMcpAuthValues: {
    type: 'object',
    required: ['values'],
    additionalProperties: false,
    properties: {
      values: {
        type: 'object',
        minProperties: 1,
        maxProperties: CUSTOM_USER_VARS_MAX_COUNT,
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
        additionalProperties: { oneOf: [{ type: 'string', maxLength: CUSTOM_USER_VAR_VALUE_MAX_LENGTH }, { type: 'null' }] },
        description: 'A value sets the variable, null clears it; only variables the server declares (and MCP_API_KEY for a user API key)',
      },
    },
  },
  McpCallTool: { type: 'object', additionalProperties: false, properties: { arguments: toolArguments } },
  McpCallToolResult: {
    type: 'object',
    required: ['content'],
    properties: {
      content: { type: 'array', items: { type: 'object' } },
      structuredContent: { type: 'object' },
      isError: { type: 'boolean', description: 'Present and true when the tool failed (still a 200)' },
    },
  },
  McpInspect: {
    type: 'object',
    required: ['method'],
    additionalProperties: false,
    properties: {
      method: { type: 'string', enum: [...mcpInspectMethodList] },
      toolName: { type: 'string', maxLength: McpCallLimits.TOOL_NAME_MAX, description: 'Required with tools/call' },
      arguments: toolArguments,
    },
  },
  McpInspectResult: {
    oneOf: [
      { type: 'object', required: ['tools'], properties: { tools: { type: 'array', items: { type: 'object' } } } },
      ref('McpCallToolResult'),
    ],
  },
};

const upstreamErrors = 'Cannot reach the server: 400 SSRF_BLOCKED (refused by the SSRF guard), 409 AUTH_REQUIRED (values or OAuth missing), 502 UPSTREAM_UNAVAILABLE (timeout, refused, TLS, HTTP status, protocol).';

export const mcpConnectionPaths: OpenApiModule = {
  tag: { name: 'mcpConnections', description: 'Live connections to installed MCP servers: tools, status, credentials, tool calls' },
  schemas,
  paths: {
    '/api/mcp/tools': {
      get: {
        summary: 'Cached tools of every MCP server you can use (no network call)',
        operationId: 'listMcpTools',
        tags,
        security: bearer,
        'x-permission': permission,
        responses: { '200': json(ref('McpToolsList')), ...errors(400, 401, 403) },
      },
    },
    '/api/mcp/connection/status': {
      get: {
        summary: 'Connection state of every MCP server you can use (no network call)',
        operationId: 'listMcpConnectionStatus',
        tags,
        security: bearer,
        'x-permission': permission,
        responses: { '200': json(ref('McpConnectionStatusList')), ...errors(400, 401, 403) },
      },
    },
    '/api/mcp/connection/status/{serverName}': {
      get: {
        summary: 'Connection state of one MCP server',
        operationId: 'getMcpConnectionStatus',
        tags,
        security: bearer,
        'x-permission': permission,
        parameters: [serverName],
        responses: { '200': json(ref('McpServerConnectionStatus')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/mcp/{serverName}/reinitialize': {
      post: {
        summary: 'Drop your connection, connect again and refresh the tool cache',
        description: 'A connection failure is 200 with success false and the reason in message.',
        operationId: 'reinitializeMcpServer',
        tags,
        security: bearer,
        'x-permission': permission,
        parameters: [serverName],
        responses: { '200': json(ref('McpReinitializeResult')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/mcp/{serverName}/auth-values': {
      get: {
        summary: 'Which of the values the server needs you have set (flags only)',
        operationId: 'getMcpAuthValues',
        tags,
        security: bearer,
        'x-permission': permission,
        parameters: [serverName],
        responses: { '200': json(ref('McpAuthValues')), ...errors(400, 401, 403, 404) },
      },
      put: {
        summary: 'Set or clear your values (stored encrypted, never returned); the connection is made again',
        operationId: 'updateMcpAuthValues',
        tags,
        security: bearer,
        'x-permission': permission,
        parameters: [serverName],
        requestBody: body(ref('UpdateMcpAuthValues')),
        responses: { '200': json(ref('McpAuthValues')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/mcp/{serverName}/tools/{toolName}/call': {
      post: {
        summary: 'Call a tool with your credentials (connects first when needed)',
        description: `A tool error is 200 with isError true; a tool the server does not list is 404. ${upstreamErrors}`,
        operationId: 'callMcpTool',
        tags,
        security: bearer,
        'x-permission': permission,
        parameters: [serverName, toolName],
        requestBody: body(ref('McpCallTool')),
        responses: { '200': json(ref('McpCallToolResult')), ...errors(400, 401, 403, 404, 409, 502) },
      },
    },
    '/api/mcp_server/{id}/inspect': {
      post: {
        summary: 'List or call the tools of an installation, to check it (the MCP result)',
        description: `With your own credentials when you can use the installation; an installation admin inspecting someone else's personal installation uses the values stored on it at install time. ${upstreamErrors}`,
        operationId: 'inspectInstallation',
        tags,
        security: bearer,
        'x-permission': permission,
        parameters: [pathId()],
        requestBody: body(ref('McpInspect')),
        responses: { '200': json(ref('McpInspectResult')), ...errors(400, 401, 403, 404, 409, 502) },
      },
    },
  },
};
