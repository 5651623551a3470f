import { McpApiKeySource, McpAuthorizationType, MCP_USER_API_KEY_VAR } from '@mcp-registry/data-provider';
import type { PlainMcpServerConfig } from '@mcp-registry/data-schemas';

export type CredentialResolution = { ok: true; headers: Record<string, string> } | { ok: false; missing: string[] };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The variables a server needs from each user: its declared ones, those its headers name, and a user API key. */
export function requiredVariables(config: Pick<PlainMcpServerConfig, 'customUserVars' | 'headers' | 'apiKey'>): string[] {
  const names = new Set(Object.keys(config.customUserVars ?? {}));
  for (const value of Object.values(config.headers ?? {})) {
    for (const match of value.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  }
  if (config.apiKey?.source === McpApiKeySource.USER) names.add(MCP_USER_API_KEY_VAR);
  return [...names];
}

function apiKeyHeader(apiKey: NonNullable<PlainMcpServerConfig['apiKey']>, key: string): [string, string] {
  if (apiKey.authorization_type === McpAuthorizationType.BASIC) return ['Authorization', `Basic ${key}`];
  if (apiKey.authorization_type === McpAuthorizationType.CUSTOM && apiKey.custom_header) return [apiKey.custom_header, key];
  return ['Authorization', `Bearer ${key}`];
}

/**
 * The headers a connection sends: the catalog's header values with `{{VAR}}` filled from `values`, and the API key
 * (the catalog's own, or the user's) per `authorization_type`. Any needed variable without a value → `missing`,
 * and the server must not be contacted.
 */
export function resolveCredentials(config: PlainMcpServerConfig, values: Readonly<Record<string, string>>): CredentialResolution {
  const missing = requiredVariables(config).filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length > 0) return { ok: false, missing };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers ?? {})) {
    headers[name] = value.replace(PLACEHOLDER, (_all, variable: string) => values[variable] ?? '');
  }
  const apiKey = config.apiKey;
  const key = apiKey?.source === McpApiKeySource.USER ? values[MCP_USER_API_KEY_VAR] : apiKey?.key;
  if (apiKey && key) {
    const [name, value] = apiKeyHeader(apiKey, key);
    headers[name] = value;
  }
  return { ok: true, headers };
}
