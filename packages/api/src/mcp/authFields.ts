import { McpApiKeySource, MCP_USER_API_KEY_VAR } from '@mcp-registry/data-provider';
import type { McpAuthFieldDto } from '@mcp-registry/data-provider';
import type { IMcpServerConfig } from '@mcp-registry/data-schemas';

/** What each user supplies for a server (as stored: no secret is opened): declared variables, then their API key. */
export function authFieldsOf(config: Pick<IMcpServerConfig, 'customUserVars' | 'apiKey'>): McpAuthFieldDto[] {
  const fields = (config.customUserVars ?? []).map((v) => ({ authField: v.name, label: v.title, description: v.description ?? '', sensitive: true }));
  if (config.apiKey?.source !== McpApiKeySource.USER) return fields;
  return [...fields, { authField: MCP_USER_API_KEY_VAR, label: 'API key', description: 'Your own API key for this server', sensitive: true }];
}
