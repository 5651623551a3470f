import type { McpApiKeyInput, McpOAuthInput, McpTransport, McpUserVarDefinition } from '@mcp-registry/data-provider';
import type { CredentialCipher } from '../crypto/credentialCipher';
import type { IMcpServerConfig, ISealedPair } from '../schema/mcpServer';

/** A server's configuration with its secrets in the clear: what services read and write, never what is stored. */
export interface PlainMcpServerConfig {
  type: McpTransport;
  url?: string;
  command?: string;
  args?: string[];
  env?: Record<string, string>;
  headers?: Record<string, string>;
  oauth?: McpOAuthInput;
  apiKey?: McpApiKeyInput;
  customUserVars?: Record<string, McpUserVarDefinition>;
  timeout?: number;
}

function sealPairs(cipher: CredentialCipher, values: Record<string, string> | undefined): ISealedPair[] | undefined {
  if (!values) return undefined;
  return Object.entries(values).map(([name, value]) => ({ name, value: cipher.encrypt(value) }));
}

function openPairs(cipher: CredentialCipher, pairs: ISealedPair[] | undefined): Record<string, string> | undefined {
  if (!pairs) return undefined;
  return Object.fromEntries(pairs.map((p) => [p.name, cipher.decrypt(p.value)]));
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The stored form: header and env values, the OAuth client secret and an admin API key become envelopes. */
export function sealMcpServerConfig(cipher: CredentialCipher, plain: PlainMcpServerConfig): IMcpServerConfig {
  const { oauth, apiKey, customUserVars } = plain;
  return defined<IMcpServerConfig>({
    type: plain.type,
    url: plain.url,
    command: plain.command,
    args: plain.args,
    env: sealPairs(cipher, plain.env),
    headers: sealPairs(cipher, plain.headers),
    oauth: oauth
      ? defined({ ...oauth, client_secret: oauth.client_secret === undefined ? undefined : cipher.encrypt(oauth.client_secret) })
      : undefined,
    apiKey: apiKey ? defined({ ...apiKey, key: apiKey.key === undefined ? undefined : cipher.encrypt(apiKey.key) }) : undefined,
    customUserVars: customUserVars
      ? Object.entries(customUserVars).map(([name, v]) => defined({ name, title: v.title, description: v.description }))
      : undefined,
    timeout: plain.timeout,
  });
}

export function openMcpServerConfig(cipher: CredentialCipher, stored: IMcpServerConfig): PlainMcpServerConfig {
  const { oauth, apiKey, customUserVars } = stored;
  return defined<PlainMcpServerConfig>({
    type: stored.type,
    url: stored.url,
    command: stored.command,
    args: stored.args,
    env: openPairs(cipher, stored.env),
    headers: openPairs(cipher, stored.headers),
    oauth: oauth
      ? (defined({ ...oauth, client_secret: oauth.client_secret ? cipher.decrypt(oauth.client_secret) : undefined }) as PlainMcpServerConfig['oauth'])
      : undefined,
    apiKey: apiKey
      ? (defined({ ...apiKey, key: apiKey.key ? cipher.decrypt(apiKey.key) : undefined }) as PlainMcpServerConfig['apiKey'])
      : undefined,
    customUserVars: customUserVars
      ? Object.fromEntries(customUserVars.map((v) => [v.name, defined({ title: v.title, description: v.description })]))
      : undefined,
    timeout: stored.timeout,
  });
}
