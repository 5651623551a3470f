import { McpServerSource, McpTransport } from '@mcp-registry/data-provider';
import type { YamlMcpServer, YamlMcpServers } from '@mcp-registry/data-provider';
import { isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { Logger, McpServerFields, Methods, PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import { purgeServer } from './deleteServer';
import type { PurgeServerDeps } from './deleteServer';
import { normalizeTransport } from './serverConfig';
import { slugify } from './slug';

export type SyncYamlServersDeps = Pick<Methods, 'upsertYamlMcpServer' | 'listMcpServerNamesBySource'> & PurgeServerDeps & { logger: Logger };

export interface SyncYamlServersResult {
  upserted: string[];
  removed: string[];
  /** Names a user server already holds; those configuration servers were not loaded. */
  conflicts: string[];
}

function yamlConfig(server: YamlMcpServer): PlainMcpServerConfig {
  const stdio = server.type === McpTransport.STDIO || (!server.type && server.command !== undefined);
  const config: PlainMcpServerConfig = {
    type: stdio ? McpTransport.STDIO : normalizeTransport(server.type ?? McpTransport.STREAMABLE_HTTP),
    url: server.url,
    command: server.command,
    args: server.args ? [...server.args] : undefined,
    env: server.env ? { ...server.env } : undefined,
    headers: server.headers ? { ...server.headers } : undefined,
    oauth: server.oauth ? { ...server.oauth } : undefined,
    apiKey: server.apiKey ? { ...server.apiKey } : undefined,
    customUserVars: server.customUserVars ? { ...server.customUserVars } : undefined,
    timeout: server.timeout,
  };
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as PlainMcpServerConfig;
}

function yamlFields(key: string, server: YamlMcpServer): McpServerFields {
  return { title: server.title ?? key, description: server.description ?? '', iconPath: server.iconPath ?? null, config: yamlConfig(server) };
}

/**
 * Makes the organisation's configuration servers match the file: each `mcpServers:` entry is upserted under the
 * slug of its key; configuration servers no longer in the file are removed with their installations. A name a
 * user server already holds is reported and skipped rather than taken from its owner.
 */
export async function syncYamlServers(
  deps: SyncYamlServersDeps,
  input: { organizationId: string; servers: YamlMcpServers },
): Promise<SyncYamlServersResult> {
  const result: SyncYamlServersResult = { upserted: [], removed: [], conflicts: [] };
  const wanted = new Set<string>();
  for (const [key, server] of Object.entries(input.servers)) {
    const serverName = slugify(key);
    if (wanted.has(serverName)) {
      deps.logger.error('[mcp servers] two configuration servers share a name; the later one is ignored', { key, serverName });
      continue;
    }
    wanted.add(serverName);
    try {
      await deps.upsertYamlMcpServer(input.organizationId, serverName, yamlFields(key, server));
      result.upserted.push(serverName);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      result.conflicts.push(serverName);
      deps.logger.error('[mcp servers] a user server already holds the name of a configuration server; it was not loaded', { serverName });
    }
  }
  const existing = await deps.listMcpServerNamesBySource(input.organizationId, McpServerSource.YAML);
  for (const stale of existing.filter((s) => !wanted.has(s.serverName))) {
    await purgeServer(deps, input.organizationId, stale._id);
    result.removed.push(stale.serverName);
    deps.logger.warn('[mcp servers] configuration server removed from the file; deleted with its installations', { serverName: stale.serverName });
  }
  return result;
}
