import { MCP_SERVER_NAME_PATTERN, McpServerLimits } from '../../mcpServers';
import { bearer, errors, pathParam } from '../helpers';
import type { JsonSchema, OpenApiModule, OpenApiOperation, OpenApiParameter } from '../types';

const serverName = pathParam('serverName', 'Catalog slug: only your usable installation of this server, tool names unprefixed', {
  type: 'string',
  pattern: MCP_SERVER_NAME_PATTERN.source,
  maxLength: McpServerLimits.SERVER_NAME_MAX,
});
const sessionId: OpenApiParameter = {
  name: 'Mcp-Session-Id',
  in: 'header',
  description: 'The session the initialize response named; absent only on initialize',
  schema: { type: 'string', maxLength: 128 },
};
const message: JsonSchema = {
  type: 'object',
  description: 'One JSON-RPC 2.0 message of the MCP protocol: a request or notification (method), or a response (id with result or error)',
  required: ['jsonrpc'],
  additionalProperties: false,
  properties: {
    jsonrpc: { type: 'string', enum: ['2.0'] },
    id: { oneOf: [{ type: 'string', maxLength: 256 }, { type: 'integer' }] },
    method: { type: 'string', minLength: 1, maxLength: 256, examples: ['initialize', 'tools/list', 'tools/call'] },
    params: { type: 'object' },
    result: { type: 'object' },
    error: { type: 'object' },
  },
};
const sse = { 'text/event-stream': { schema: { $ref: '#/components/schemas/McpSseStream' as const } } };
const stream = { description: 'The response as an SSE stream or JSON (MCP Streamable HTTP)', content: { ...sse, 'application/json': { schema: { $ref: '#/components/schemas/McpJsonRpcMessage' as const } } } };
const accept = (value: string): OpenApiParameter => ({ name: 'Accept', in: 'header', required: true, schema: { type: 'string', examples: [value] } });

function operation(kind: 'post' | 'get' | 'delete', one: boolean): OpenApiOperation {
  const suffix = one ? 'McpServerGateway' : 'McpGateway';
  const parameters = [...(one ? [serverName] : []), sessionId];
  const common = { tags: ['mcp-gateway'], security: bearer, 'x-permission': 'MCP_SERVERS:USE' };
  if (kind === 'post') {
    return {
      ...common,
      summary: one ? "Send an MCP message to one server's gateway session" : 'Send an MCP message to your gateway session (initialize opens one)',
      operationId: `post${suffix}Message`,
      parameters: [...parameters, accept('application/json, text/event-stream')],
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/McpJsonRpcMessage' } } } },
      responses: { '200': stream, '202': { description: 'A notification or response accepted' }, ...errors(400, 401, 403, 404, 413, 429) },
    };
  }
  if (kind === 'get') {
    return {
      ...common,
      summary: one ? "Open one server's gateway stream (server-to-client messages)" : 'Open your gateway session stream (tools/list_changed and other server-to-client messages)',
      operationId: `stream${suffix}`,
      parameters: [...parameters, accept('text/event-stream')],
      responses: { '200': { description: 'SSE stream', content: sse }, ...errors(400, 401, 403, 404, 429) },
    };
  }
  return {
    ...common,
    summary: one ? "End a one-server gateway session" : 'End your gateway session',
    operationId: `end${suffix}Session`,
    parameters,
    responses: { '200': { description: 'Session ended' }, ...errors(400, 401, 403, 404, 429) },
  };
}

export const gatewayPaths: OpenApiModule = {
  tag: {
    name: 'mcp-gateway',
    description:
      'One MCP endpoint (Streamable HTTP) serving the tools of every server installed for you, named <serverName>__<toolName>, with your credentials injected server-side',
  },
  schemas: { McpJsonRpcMessage: message, McpSseStream: { type: 'string', description: 'Server-sent events, each carrying one JSON-RPC message' } },
  paths: {
    '/mcp': { post: operation('post', false), get: operation('get', false), delete: operation('delete', false) },
    '/mcp/{serverName}': { post: operation('post', true), get: operation('get', true), delete: operation('delete', true) },
  },
};
