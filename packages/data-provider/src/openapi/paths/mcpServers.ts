import {
  accessRoleIdList,
  McpApiKeySource,
  McpAuthorizationType,
  McpServerLimits as L,
  McpServerSource,
  McpTransport,
  mcpApiTransports,
  MCP_SERVER_NAME_PATTERN,
  shareablePrincipalTypes,
  TokenExchangeMethod,
} from '../../mcpServers';
import { bearer, body, booleanQuery, dateTime, errors, json, listParams, nullable, objectId, pageOf, pathId, pathParam, ref } from '../helpers';
import type { JsonSchema, OpenApiModule } from '../types';

const str = (maxLength: number, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', maxLength, ...extra });
const httpUrl = str(L.URL_MAX, { format: 'uri', description: 'http(s) URL; no ${…} or {{…}} placeholders; checked by the SSRF guard' });
const userVar = { type: 'object', required: ['title'], additionalProperties: false, properties: { title: str(L.USER_VAR_TEXT_MAX), description: str(L.USER_VAR_TEXT_MAX) } };
const userVars = { type: 'object', additionalProperties: ref('McpUserVar'), maxProperties: L.USER_VARS_MAX };
const headersIn = {
  type: 'object',
  maxProperties: L.HEADERS_MAX,
  additionalProperties: str(L.HEADER_VALUE_MAX),
  description: 'Header name → value. Values are secrets (encrypted, never returned); no CR/LF; never Host, Cookie, Content-Length or Proxy-*',
};

const oauthIn = {
  type: 'object',
  additionalProperties: false,
  description: 'client_secret requires client_id, authorization_url and token_url',
  properties: {
    authorization_url: httpUrl,
    token_url: httpUrl,
    client_id: str(L.SECRET_MAX),
    client_secret: str(L.SECRET_MAX, { writeOnly: true }),
    scope: str(L.SCOPE_MAX),
    token_exchange_method: { type: 'string', enum: Object.values(TokenExchangeMethod) },
    revocation_endpoint: httpUrl,
  },
};

const apiKeyIn = {
  type: 'object',
  required: ['source', 'authorization_type'],
  additionalProperties: false,
  description: 'source admin requires key; source user forbids it; custom requires custom_header',
  properties: {
    source: { type: 'string', enum: Object.values(McpApiKeySource) },
    key: str(L.SECRET_MAX, { writeOnly: true }),
    authorization_type: { type: 'string', enum: Object.values(McpAuthorizationType) },
    custom_header: str(L.HEADER_NAME_MAX),
  },
};

const { client_secret: _secret, ...oauthOutProperties } = oauthIn.properties;

const configIn = (forPatch: boolean): JsonSchema => ({
  type: 'object',
  required: forPatch ? [] : ['type', 'url'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: mcpApiTransports, description: '`http` is stored as streamable-http; stdio only in the configuration file' },
    url: httpUrl,
    headers: forPatch ? { ...headersIn, additionalProperties: nullable(str(L.HEADER_VALUE_MAX)) } : headersIn,
    oauth: forPatch ? nullable(oauthIn) : oauthIn,
    apiKey: forPatch ? nullable(apiKeyIn) : apiKeyIn,
    customUserVars: forPatch ? nullable({ ...userVars, additionalProperties: nullable(ref('McpUserVar')) }) : userVars,
    timeout: { type: 'integer', minimum: L.TIMEOUT_MIN_MS, maximum: L.TIMEOUT_MAX_MS, description: 'milliseconds' },
  },
});

const configOut = {
  type: 'object',
  required: ['type', 'headerNames'],
  properties: {
    type: { type: 'string', enum: Object.values(McpTransport) },
    url: { type: 'string' },
    command: { type: 'string', description: 'configuration stdio servers only' },
    args: { type: 'array', items: { type: 'string' } },
    envNames: { type: 'array', items: { type: 'string' } },
    headerNames: { type: 'array', items: { type: 'string' } },
    oauth: {
      type: 'object',
      required: ['hasClientSecret'],
      properties: { ...oauthOutProperties, hasClientSecret: { type: 'boolean' } },
    },
    apiKey: {
      type: 'object',
      required: ['source', 'authorization_type', 'hasKey'],
      properties: { source: apiKeyIn.properties.source, authorization_type: apiKeyIn.properties.authorization_type, custom_header: { type: 'string' }, hasKey: { type: 'boolean' } },
    },
    customUserVars: userVars,
    timeout: { type: 'integer' },
  },
};

const server = {
  type: 'object',
  required: ['id', 'organizationId', 'serverName', 'title', 'description', 'iconPath', 'config', 'source', 'author', 'version', 'createdAt', 'updatedAt'],
  properties: {
    id: objectId,
    organizationId: objectId,
    serverName: { type: 'string', pattern: MCP_SERVER_NAME_PATTERN.source, description: 'Slug of the title, unique in the organisation' },
    title: { type: 'string' },
    description: { type: 'string' },
    iconPath: nullable({ type: 'string' }),
    config: ref('McpServerConfig'),
    source: { type: 'string', enum: Object.values(McpServerSource) },
    author: nullable(objectId),
    version: { type: 'integer', minimum: 1, description: 'Send it back with PATCH (optimistic concurrency)' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};

const createServer = {
  type: 'object',
  required: ['title', 'config'],
  additionalProperties: false,
  properties: { title: str(L.TITLE_MAX, { minLength: 1 }), description: str(L.DESCRIPTION_MAX), iconPath: str(L.ICON_PATH_MAX), config: ref('McpServerConfigInput') },
};

const updateServer = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  description: 'A JSON merge patch: omitted fields stay, null clears',
  properties: {
    version: { type: 'integer', minimum: 1 },
    title: str(L.TITLE_MAX, { minLength: 1 }),
    description: nullable(str(L.DESCRIPTION_MAX)),
    iconPath: nullable(str(L.ICON_PATH_MAX)),
    config: ref('McpServerConfigPatch'),
  },
};

const serverName = pathParam('serverName', 'The server’s slug', { type: 'string', pattern: MCP_SERVER_NAME_PATTERN.source, maxLength: L.SERVER_NAME_MAX });
const tags = ['mcpServers'];
const security = bearer;
const perm = 'MCP_SERVERS:USE';

export const mcpServerPaths: OpenApiModule = {
  tag: { name: 'mcpServers', description: 'The MCP server catalog: definitions shared through ACLs; configuration servers are read-only' },
  schemas: {
    McpServer: server,
    ...pageOf('McpServer'),
    McpServerConfig: configOut,
    McpUserVar: userVar,
    CreateMcpServer: createServer,
    UpdateMcpServer: updateServer,
    McpServerConfigInput: configIn(false),
    McpServerConfigPatch: configIn(true),
  },
  paths: {
    '/api/mcp/servers': {
      get: {
        summary: 'List the servers the caller can view, newest first',
        operationId: 'listMcpServers',
        tags,
        security,
        'x-permission': perm,
        parameters: [...listParams, { name: 'search', in: 'query', description: 'Substring of title or description (case-insensitive)', schema: str(L.SEARCH_MAX) }],
        responses: { '200': json(ref('McpServerPage')), ...errors(403) },
      },
      post: {
        summary: 'Create a server (no connection is made); the creator gets owner access',
        operationId: 'createMcpServer',
        tags,
        security,
        'x-permission': 'MCP_SERVERS:USE+CREATE',
        requestBody: body(ref('CreateMcpServer')),
        responses: { '201': json(ref('McpServer'), 'Created'), ...errors(403, 409) },
      },
    },
    '/api/mcp/servers/by-id/{serverId}': {
      get: {
        summary: 'Get a server by its id (VIEW), for clients that store the id rather than the serverName',
        operationId: 'getMcpServerById',
        tags,
        security,
        'x-permission': perm,
        parameters: [pathId('serverId')],
        responses: { '200': json(ref('McpServer')), ...errors(403, 404) },
      },
    },
    '/api/mcp/servers/{serverName}': {
      get: {
        summary: 'Get a server (VIEW)',
        operationId: 'getMcpServer',
        tags,
        security,
        'x-permission': perm,
        parameters: [serverName],
        responses: { '200': json(ref('McpServer')), ...errors(403, 404) },
      },
      patch: {
        summary: 'Update a server (EDIT) with a JSON merge patch',
        operationId: 'updateMcpServer',
        description:
          'Omitted fields stay, null clears. `version` must be the current one (else 409). Changing url, oauth endpoints or client_id ' +
          'without sending the secrets bound to them again (client_secret; for url also header values and an admin API key) → 400 SECRET_REENTRY_REQUIRED.',
        tags,
        security,
        'x-permission': perm,
        parameters: [serverName],
        requestBody: body(ref('UpdateMcpServer')),
        responses: { '200': json(ref('McpServer')), ...errors(403, 404, 409) },
      },
      delete: {
        summary: 'Delete a server (DELETE) and its ACL entries',
        operationId: 'deleteMcpServer',
        description: 'With installations of the server: 409 unless force=true, which removes them too.',
        tags,
        security,
        'x-permission': perm,
        parameters: [serverName, booleanQuery('force', 'Also remove the server’s installations')],
        responses: { '204': { description: 'Deleted' }, ...errors(403, 404, 409) },
      },
    },
  },
};

const principalRef = {
  type: { type: 'string', enum: [...shareablePrincipalTypes] },
  id: { type: 'string', description: 'User or group ObjectId, or a role name' },
};
const accessRoleId = { type: 'string', enum: accessRoleIdList };
const sharedPrincipal = {
  type: 'object',
  required: ['type', 'id', 'name', 'accessRoleId', 'permBits'],
  properties: { ...principalRef, name: { type: 'string' }, email: { type: 'string' }, accessRoleId: nullable(accessRoleId), permBits: { type: 'integer' } },
};
const sharing = {
  type: 'object',
  required: ['resourceType', 'resourceId', 'principals', 'public', 'publicAccessRoleId'],
  properties: {
    resourceType: { type: 'string', enum: ['mcpServer'] },
    resourceId: objectId,
    principals: { type: 'array', items: ref('SharedPrincipal') },
    public: { type: 'boolean' },
    publicAccessRoleId: nullable(accessRoleId),
  },
};
const principalChange = { type: 'object', required: ['type', 'id', 'accessRoleId'], additionalProperties: false, properties: { ...principalRef, accessRoleId } };
const principalRemoval = { type: 'object', required: ['type', 'id'], additionalProperties: false, properties: principalRef };
const updateSharing = {
  type: 'object',
  additionalProperties: false,
  properties: {
    updated: { type: 'array', maxItems: 100, items: ref('PrincipalChange') },
    removed: { type: 'array', maxItems: 100, items: ref('PrincipalRemoval') },
    public: { type: 'boolean' },
    publicAccessRoleId: accessRoleId,
  },
};
const ptags = ['permissions'];

export const mcpServerPermissionPaths: OpenApiModule = {
  tag: { name: 'permissions', description: 'Sharing of catalog servers with users, groups, roles and the whole organisation' },
  schemas: {
    ResourcePermissions: sharing,
    SharedPrincipal: sharedPrincipal,
    UpdateResourcePermissions: updateSharing,
    PrincipalChange: principalChange,
    PrincipalRemoval: principalRemoval,
  },
  paths: {
    '/api/permissions/mcpServer/{serverId}': {
      get: {
        summary: 'Who has which access role on the server (SHARE)',
        operationId: 'getMcpServerPermissions',
        tags: ptags,
        security,
        'x-permission': perm,
        parameters: [pathId('serverId')],
        responses: { '200': json(ref('ResourcePermissions')), ...errors(403, 404) },
      },
      put: {
        summary: 'Change the server’s sharing (SHARE; public needs SHARE_PUBLIC)',
        operationId: 'updateMcpServerPermissions',
        tags: ptags,
        security,
        'x-permission': 'MCP_SERVERS:USE+SHARE',
        parameters: [pathId('serverId')],
        requestBody: body(ref('UpdateResourcePermissions')),
        responses: { '200': json(ref('ResourcePermissions')), ...errors(403, 404) },
      },
    },
  },
};
