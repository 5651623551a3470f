import { McpApiKeySource, McpAuthorizationType, McpTransport, MCP_HTTP_ALIAS } from '@mcp-registry/data-provider';
import type { McpServerConfigInput, McpTransport as Transport } from '@mcp-registry/data-provider';
import type { PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import { ValidationError } from '../errors/apiError';

export interface FieldProblem {
  field: string;
  location: 'body';
  message: string;
}

/** `http` is LibreChat's alias of `streamable-http`. */
export function normalizeTransport(type: string): Transport {
  return type === MCP_HTTP_ALIAS ? McpTransport.STREAMABLE_HTTP : (type as Transport);
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** The validated request shape as the stored (plain) configuration. */
export function configFromInput(input: McpServerConfigInput): PlainMcpServerConfig {
  return defined<PlainMcpServerConfig>({
    type: normalizeTransport(input.type),
    url: input.url,
    headers: input.headers,
    oauth: input.oauth ? defined({ ...input.oauth }) : undefined,
    apiKey: input.apiKey ? defined({ ...input.apiKey }) : undefined,
    customUserVars: input.customUserVars,
    timeout: input.timeout,
  });
}

const problem = (field: string, message: string): FieldProblem => ({ field, location: 'body', message });

function oauthProblems(oauth: PlainMcpServerConfig['oauth']): FieldProblem[] {
  if (!oauth?.client_secret) return [];
  const out: FieldProblem[] = [];
  if (!oauth.client_id) out.push(problem('config.oauth.client_id', 'Required when a client_secret is set'));
  if (!oauth.authorization_url) out.push(problem('config.oauth.authorization_url', 'Required when a client_secret is set'));
  if (!oauth.token_url) out.push(problem('config.oauth.token_url', 'Required when a client_secret is set'));
  return out;
}

function apiKeyProblems(apiKey: PlainMcpServerConfig['apiKey']): FieldProblem[] {
  if (!apiKey) return [];
  const out: FieldProblem[] = [];
  if (!apiKey.source) out.push(problem('config.apiKey.source', 'Required'));
  if (!apiKey.authorization_type) out.push(problem('config.apiKey.authorization_type', 'Required'));
  if (apiKey.source === McpApiKeySource.ADMIN && !apiKey.key) out.push(problem('config.apiKey.key', 'Required when source is admin'));
  if (apiKey.source === McpApiKeySource.USER && apiKey.key) {
    out.push(problem('config.apiKey.key', 'Each user supplies their own key when source is user; do not set one'));
  }
  const custom = apiKey.authorization_type === McpAuthorizationType.CUSTOM;
  if (custom && !apiKey.custom_header) out.push(problem('config.apiKey.custom_header', 'Required when authorization_type is custom'));
  if (!custom && apiKey.custom_header) out.push(problem('config.apiKey.custom_header', 'Only allowed when authorization_type is custom'));
  return out;
}

/** Rules across fields, checked on the whole configuration (after a merge patch too): 400 listing every problem. */
export function assertConsistentConfig(config: PlainMcpServerConfig): void {
  const problems = [...oauthProblems(config.oauth), ...apiKeyProblems(config.apiKey)];
  if (!config.url) problems.push(problem('config.url', 'Required'));
  if (problems.length > 0) throw new ValidationError('Invalid request', problems);
}
