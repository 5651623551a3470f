import type {
  McpApiKeySource,
  McpAuthorizationType,
  McpServerConfigDto,
  McpServerDto,
  TokenExchangeMethod,
} from '@mcp-registry/data-provider';
import type { IMcpServerConfig, McpServerRecord } from '@mcp-registry/data-schemas';

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Everything but the secrets: header and env values, the client secret and an admin key are only announced. */
export function toMcpServerConfigDto(config: IMcpServerConfig): McpServerConfigDto {
  const { oauth, apiKey } = config;
  return defined<McpServerConfigDto>({
    type: config.type,
    url: config.url,
    command: config.command,
    args: config.args,
    envNames: config.env?.map((p) => p.name),
    headerNames: (config.headers ?? []).map((p) => p.name),
    oauth: oauth
      ? defined({
          authorization_url: oauth.authorization_url,
          token_url: oauth.token_url,
          client_id: oauth.client_id,
          scope: oauth.scope,
          token_exchange_method: oauth.token_exchange_method as TokenExchangeMethod | undefined,
          revocation_endpoint: oauth.revocation_endpoint,
          hasClientSecret: Boolean(oauth.client_secret),
        })
      : undefined,
    apiKey: apiKey
      ? defined({
          source: apiKey.source as McpApiKeySource,
          authorization_type: apiKey.authorization_type as McpAuthorizationType,
          custom_header: apiKey.custom_header,
          hasKey: Boolean(apiKey.key),
        })
      : undefined,
    customUserVars: config.customUserVars
      ? Object.fromEntries(config.customUserVars.map((v) => [v.name, defined({ title: v.title, description: v.description })]))
      : undefined,
    timeout: config.timeout,
  });
}

export function toMcpServerDto(server: McpServerRecord): McpServerDto {
  return {
    id: String(server._id),
    organizationId: String(server.organizationId),
    serverName: server.serverName,
    title: server.title,
    description: server.description ?? '',
    iconPath: server.iconPath ?? null,
    config: toMcpServerConfigDto(server.config),
    source: server.source,
    author: server.author ? String(server.author) : null,
    version: server.version,
    createdAt: new Date(server.createdAt).toISOString(),
    updatedAt: new Date(server.updatedAt).toISOString(),
  };
}
