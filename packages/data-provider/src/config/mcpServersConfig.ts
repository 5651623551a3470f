import { z } from 'zod';
import {
  McpApiKeySource,
  McpAuthorizationType,
  McpServerLimits,
  McpTransport,
  MCP_HTTP_ALIAS,
  MCP_USER_VAR_NAME_PATTERN,
  TokenExchangeMethod,
} from '../mcpServers';

const L = McpServerLimits;
const text = (max: number) => z.string().max(max);

const yamlOAuthSchema = z
  .object({
    authorization_url: text(L.URL_MAX).optional(),
    token_url: text(L.URL_MAX).optional(),
    client_id: text(L.SECRET_MAX).optional(),
    client_secret: text(L.SECRET_MAX).optional(),
    scope: text(L.SCOPE_MAX).optional(),
    token_exchange_method: z.enum(TokenExchangeMethod).optional(),
    revocation_endpoint: text(L.URL_MAX).optional(),
  })
  .strict();

const yamlApiKeySchema = z
  .object({
    source: z.enum(McpApiKeySource),
    key: text(L.SECRET_MAX).optional(),
    authorization_type: z.enum(McpAuthorizationType),
    custom_header: text(L.HEADER_NAME_MAX).optional(),
  })
  .strict();

const yamlUserVarSchema = z.object({ title: z.string().min(1).max(L.USER_VAR_TEXT_MAX), description: text(L.USER_VAR_TEXT_MAX).optional() }).strict();

/**
 * One server of the configuration file's `mcpServers:` map (the key is its name). Unlike the API, the file may
 * declare stdio servers and `${ENV}` placeholders: it is written by the operator.
 */
export const yamlMcpServerSchema = z
  .object({
    type: z.enum([McpTransport.STREAMABLE_HTTP, MCP_HTTP_ALIAS, McpTransport.SSE, McpTransport.STDIO]).optional(),
    title: z.string().min(1).max(L.TITLE_MAX).optional(),
    description: text(L.DESCRIPTION_MAX).optional(),
    iconPath: text(L.ICON_PATH_MAX).optional(),
    url: z.string().min(1).max(L.URL_MAX).optional(),
    command: z.string().min(1).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    headers: z.record(z.string().min(1).max(L.HEADER_NAME_MAX), text(L.HEADER_VALUE_MAX)).optional(),
    oauth: yamlOAuthSchema.optional(),
    apiKey: yamlApiKeySchema.optional(),
    customUserVars: z.record(z.string().regex(MCP_USER_VAR_NAME_PATTERN), yamlUserVarSchema).optional(),
    timeout: z.number().int().min(L.TIMEOUT_MIN_MS).max(L.TIMEOUT_MAX_MS).optional(),
  })
  .strict()
  .superRefine((server, ctx) => {
    const stdio = server.type === McpTransport.STDIO || (!server.type && server.command !== undefined);
    if (stdio && !server.command) ctx.addIssue({ code: 'custom', path: ['command'], message: 'stdio servers need a command' });
    if (!stdio && !server.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'http and sse servers need a url' });
    if (stdio && server.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'stdio servers take a command, not a url' });
  });

export type YamlMcpServer = z.infer<typeof yamlMcpServerSchema>;

export const yamlMcpServersSchema = z.record(z.string().min(1).max(L.SERVER_NAME_MAX), yamlMcpServerSchema).default({});

export type YamlMcpServers = z.infer<typeof yamlMcpServersSchema>;
