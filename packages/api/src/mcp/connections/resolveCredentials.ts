import { McpApiKeySource, McpAuthorizationType, MCP_USER_API_KEY_VAR } from '@mcp-registry/data-provider';
import type { PlainMcpServerConfig } from '@mcp-registry/data-schemas';

export type CredentialResolution = { ok: true; headers: Record<string, string> } | { ok: false; missing: string[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The variables a server needs from each user: its declared custom user variables, and their own API key. */
export function requiredVariables(config: Pick<PlainMcpServerConfig, 'customUserVars' | 'apiKey'>): string[] {
  const names = Object.keys(config.customUserVars ?? {});
  return config.apiKey?.source === McpApiKeySource.USER ? [...names, MCP_USER_API_KEY_VAR] : names;
}

function apiKeyHeader(apiKey: NonNullable<PlainMcpServerConfig['apiKey']>, key: string): [string, string] {
  if (apiKey.authorization_type === McpAuthorizationType.BASIC) return ['Authorization', `Basic ${key}`];
  if (apiKey.authorization_type === McpAuthorizationType.CUSTOM && apiKey.custom_header) return [apiKey.custom_header, key];
  return ['Authorization', `Bearer ${key}`];
}

/**
 * The headers a connection sends: the catalog's header values with `{{VAR}}` filled from `values` (a name that is
 * not a variable stays as written), and the API key (the catalog's own, or the user's) per `authorization_type`.
 * Any needed variable without a value → `missing`, and the server must not be contacted.
 */
export function resolveCredentials(config: PlainMcpServerConfig, values: Readonly<Record<string, string>>): CredentialResolution {
  const missing = requiredVariables(config).filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length > 0) return { ok: false, missing };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    headers[name] = value.replace(PLACEHOLDER, (all: string, variable: string) => values[variable] ?? all);
  }
  const apiKey = config.apiKey;
  const key = apiKey?.source === McpApiKeySource.USER ? values[MCP_USER_API_KEY_VAR] : apiKey?.key;
  if (apiKey && key) {
    const [name, value] = apiKeyHeader(apiKey, key);
    headers[name] = value;
  }
  return { ok: true, headers };
}
