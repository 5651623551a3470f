import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { McpConnectionState } from '@mcp-registry/data-provider';
import type { Logger, Methods } from '@mcp-registry/data-schemas';
import { AuthRequiredError, NotFoundError, UpstreamUnavailableError } from '../../errors/apiError';
import { createGuardedFetch } from '../../ssrf/guardedFetch';
import type { SsrfOptions } from '../../ssrf/types';
import { classifyFailure, failureError } from './connectionFailure';
import { connectionKey } from './connectTarget';
import type { ConnectTarget } from './connectTarget';
import { cachedToolsJson } from './liveConnection';
import type { LiveConnection } from './liveConnection';
import type { McpOAuthSource } from './oauthSource';
import { listAllTools, openClient, withDeadline } from './openClient';
import type { OpenedClient } from './openClient';
import { resolveCredentials } from './resolveCredentials';

export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 15 * 60_000;
export const DEFAULT_MAX_CONNECTIONS = 1000;
export const DEFAULT_CREDENTIAL_RECHECK_MS = 30_000;

export type ConnectionManagerDeps = {
  methods: Pick<Methods, 'openStoredConfig' | 'readInstallationCustomUserVars' | 'readUserCredentials' | 'recordMcpConnection' | 'readMcpCredentialStamp'>;
  logger: Logger;
  /** `mcpSettings` (and the DNS lookup): every request of every transport goes through the guarded fetch. */
  ssrf: SsrfOptions;
  oauth?: McpOAuthSource;
  idleTimeoutMs?: number;
  maxConnections?: number;
  /** How long an open connection is used before its credentials are compared with MongoDB's again (0: every use). */
  credentialRecheckMs?: number;
};

export type ToolsChangedListener = (target: ConnectTarget, tools: Tool[]) => void;

export interface ConnectOptions {
  /** Drop any open connection first (reinitialize). */
  fresh?: boolean;
}

function serverLabel(target: ConnectTarget): string {
  return `MCP server "${target.server.serverName}"`;
}

/**
 * Live MCP connections of this process, keyed by (installation, user). A connection is opened on demand with
 * credentials resolved at that moment; concurrent requests for one key share the attempt; an idle connection is
 * closed after `idleTimeoutMs`, the least recently used one when `maxConnections` would be exceeded, and one made
 * before the catalog server's `version` changed on its next use. Credentials changed through another replica are
 * noticed within `credentialRecheckMs`: the connection is then re-made with the new ones. Outcomes and tool lists go
 * to MongoDB so that every replica can answer without a network call (DESIGN.md §7).
 */
export function createConnectionManager(deps: ConnectionManagerDeps) {
  const { methods, logger } = deps;
  const idleTimeoutMs = deps.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const credentialRecheckMs = deps.credentialRecheckMs ?? DEFAULT_CREDENTIAL_RECHECK_MS;
  const maxConnections = deps.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const fetch = createGuardedFetch(deps.ssrf);
  /** In least-recently-used order: a use moves the entry to the end. */
  const live = new Map<string, LiveConnection>();
  const pending = new Map<string, Promise<LiveConnection>>();
  /** Bumped by every close of a key, so an attempt that was under way when it was closed is discarded. */
  const epochs = new Map<string, number>();
  const listeners = new Set<ToolsChangedListener>();
  const sweeper = setInterval(sweepIdle, Math.max(1_000, Math.min(idleTimeoutMs / 2, 60_000)));
  sweeper.unref();

  function record(target: ConnectTarget, state: McpConnectionState, extra: { lastError?: string; requiresOAuth?: boolean; tools?: Tool[] } = {}) {
    if (!target.userId) return Promise.resolve();
    const { installation } = target;
    return methods
      .recordMcpConnection({
        organizationId: installation.organizationId,
        installationId: installation._id,
        userId: target.userId,
        catalogId: installation.catalogId,
        catalogVersion: target.server.version,
        state,
        lastError: extra.lastError ?? null,
        requiresOAuth: extra.requiresOAuth ?? false,
        ...(state === McpConnectionState.CONNECTED ? { lastConnectedAt: new Date() } : {}),
        ...(extra.tools ? { toolsJson: cachedToolsJson(extra.tools) } : {}),
      })
      .catch((error: unknown) => logger.error('[MCP] could not record a connection outcome', { error: String(error), installationId: String(installation._id) }));
  }

  /** Streamable HTTP sessions are ended with the DELETE the specification asks of a client that is done. */
  function closeConnection(connection: LiveConnection): void {
    connection.closing = true;
    if (live.get(connection.key) === connection) live.delete(connection.key);
    const { transport, client } = connection;
    const ending = transport instanceof StreamableHTTPClientTransport ? transport.terminateSession() : Promise.resolve();
    void ending.catch(() => undefined).then(() => client.close()).catch(() => undefined);
  }

  function close(key: string): void {
    epochs.set(key, (epochs.get(key) ?? 0) + 1);
    const connection = live.get(key);
    if (connection) closeConnection(connection);
  }

  /** Targets of attempts under way (so a close can find them by installation or server). */
  const targets = new Map<string, ConnectTarget>();

  function closeWhere(matches: (target: ConnectTarget) => boolean): number {
    const keys = new Set<string>();
    for (const connection of live.values()) if (matches(connection.target)) keys.add(connection.key);
    for (const [key, target] of targets) if (matches(target)) keys.add(key);
    for (const key of keys) close(key);
    return keys.size;
  }

  /** Closed by this process for want of use: the outcome becomes `disconnected` (no error). */
  function retire(connection: LiveConnection): void {
    closeConnection(connection);
    void record(connection.target, McpConnectionState.DISCONNECTED);
  }

  function sweepIdle(): void {
    const cutoff = Date.now() - idleTimeoutMs;
    for (const connection of live.values()) {
      if (connection.lastUsedAt > cutoff) break;
      retire(connection);
    }
  }

  function admit(connection: LiveConnection): void {
    live.set(connection.key, connection);
    while (live.size > maxConnections) {
      const oldest = live.values().next().value as LiveConnection;
      logger.debug('[MCP] closing the least recently used connection', { serverName: oldest.target.server.serverName });
      retire(oldest);
    }
  }

  function touch(connection: LiveConnection): void {
    connection.lastUsedAt = Date.now();
    live.delete(connection.key);
    live.set(connection.key, connection);
  }

  function requiresOAuth(target: ConnectTarget, config: ReturnType<Methods['openStoredConfig']>): boolean {
    if (config.oauth) return true;
    return !config.apiKey && Object.keys(config.customUserVars ?? {}).length === 0 && Object.keys(config.headers ?? {}).length === 0 && target.userId !== null;
  }

  async function credentialHeaders(target: ConnectTarget, config: ReturnType<Methods['openStoredConfig']>): Promise<Record<string, string>> {
    const { installation } = target;
    const own = await methods.readInstallationCustomUserVars(installation.organizationId, installation._id);
    if (own === null) throw new NotFoundError('Installation');
    const values = target.userId ? { ...own, ...(await methods.readUserCredentials(installation._id, target.userId)) } : own;
    const resolved = resolveCredentials(config, values);
    if (!resolved.ok) {
      await record(target, McpConnectionState.NEEDS_AUTH, { lastError: `missing values: ${resolved.missing.join(', ')}` });
      throw new AuthRequiredError(`${serverLabel(target)} needs values for: ${resolved.missing.join(', ')}`, { oauth: false, missing: resolved.missing });
    }
    const oauthHeaders = target.userId && deps.oauth ? await deps.oauth.resolveOAuthHeaders({ ...target, userId: target.userId }) : null;
    return { ...resolved.headers, ...(oauthHeaders ?? {}) };
  }

  function onToolsChanged(key: string, tools: Tool[]): void {
    const connection = live.get(key);
    if (!connection) return;
    connection.tools = tools;
    connection.toolNames = new Set(tools.map((t) => t.name));
    void record(connection.target, McpConnectionState.CONNECTED, { tools, requiresOAuth: connection.usesOAuth });
    for (const listener of listeners) listener(connection.target, tools);
  }

  function onClosed(key: string, connection: LiveConnection): void {
    if (connection.closing) return;
    if (live.get(key) === connection) live.delete(key);
    void record(connection.target, McpConnectionState.ERROR, { lastError: 'the server closed the connection', requiresOAuth: connection.usesOAuth });
  }

  async function open(key: string, target: ConnectTarget): Promise<LiveConnection> {
    const credentialStamp = await methods.readMcpCredentialStamp(target.installation._id, target.userId);
    const config = methods.openStoredConfig(target.server.config);
    if (!config.url) throw new UpstreamUnavailableError(`${serverLabel(target)} has no URL`);
    const headers = await credentialHeaders(target, config);
    const wrapFetch = target.userId && deps.oauth?.transportFetch ? await deps.oauth.transportFetch({ ...target, userId: target.userId }) : null;
    const timeoutMs = config.timeout ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const oauth = requiresOAuth(target, config);
    let opened: OpenedClient | undefined;
    let tools: Tool[];
    try {
      opened = await openClient({ url: config.url, transport: config.type, headers, timeoutMs, fetch, wrapFetch: wrapFetch ?? undefined, onToolsChanged: (t) => onToolsChanged(key, t) });
      tools = await withDeadline(listAllTools(opened.client, timeoutMs), timeoutMs, () => void opened?.client.close());
    } catch (error) {
      void opened?.client.close().catch(() => undefined);
      const failure = classifyFailure(error, opened?.blocked());
      const state = failure.kind === 'unauthorized' ? McpConnectionState.NEEDS_AUTH : McpConnectionState.ERROR;
      await record(target, state, { lastError: failure.reason, requiresOAuth: failure.kind === 'unauthorized' && oauth });
      logger.info('[MCP] connection failed', { serverName: target.server.serverName, installationId: String(target.installation._id), reason: failure.reason });
      throw failureError(target.server.serverName, failure, oauth);
    }
    const connection: LiveConnection = {
      key,
      target,
      client: opened.client,
      transport: opened.transport,
      transportType: opened.transportType,
      catalogVersion: target.server.version,
      connectedAt: new Date(),
      timeoutMs,
      usesOAuth: wrapFetch !== null || Boolean(config.oauth),
      credentialStamp,
      credentialsCheckedAt: Date.now(),
      tools,
      toolNames: new Set(tools.map((t) => t.name)),
      lastUsedAt: Date.now(),
      stale: false,
      closing: false,
    };
    opened.client.onclose = () => onClosed(key, connection);
    await record(target, McpConnectionState.CONNECTED, { tools, requiresOAuth: connection.usesOAuth });
    return connection;
  }

  async function attempt(key: string, target: ConnectTarget): Promise<LiveConnection> {
    const epoch = epochs.get(key) ?? 0;
    const connection = await open(key, target);
    if ((epochs.get(key) ?? 0) !== epoch) {
      closeConnection(connection);
      throw new UpstreamUnavailableError(`${serverLabel(target)}: the connection was closed while it was being made`);
    }
    admit(connection);
    return connection;
  }

  /** False once the credentials in MongoDB are no longer those the connection was made with. */
  async function credentialsCurrent(connection: LiveConnection): Promise<boolean> {
    if (Date.now() - connection.credentialsCheckedAt < credentialRecheckMs) return true;
    const stamp = await methods.readMcpCredentialStamp(connection.target.installation._id, connection.target.userId);
    if (stamp !== connection.credentialStamp) return false;
    connection.credentialsCheckedAt = Date.now();
    return true;
  }

  /** The open connection for the target, made (or re-made when stale) as needed; concurrent callers share one attempt. */
  async function connect(target: ConnectTarget, options: ConnectOptions = {}): Promise<LiveConnection> {
    const key = connectionKey(target.installation._id, target.userId);
    const existing = live.get(key);
    const reusable = existing && !existing.stale && !options.fresh && existing.catalogVersion === target.server.version;
    if (reusable) {
      const current = await credentialsCurrent(existing);
      if (live.get(key) !== existing) return connect(target, options);
      if (current) {
        touch(existing);
        return existing;
      }
    }
    if (existing) close(key);
    const under = pending.get(key);
    if (under && !options.fresh) return under;
    const started = attempt(key, target).finally(() => {
      if (pending.get(key) === started) {
        pending.delete(key);
        targets.delete(key);
      }
    });
    pending.set(key, started);
    targets.set(key, target);
    return started;
  }

  return {
    connect,
    /** Closes the target's connection; the next use reconnects (with credentials read afresh). */
    close: (installationId: unknown, userId: string | null) => close(connectionKey(installationId, userId)),
    /** Credentials changed: the open connection is re-made on its next use. */
    markStale(installationId: unknown, userId: string | null): void {
      const connection = live.get(connectionKey(installationId, userId));
      if (connection) connection.stale = true;
    },
    closeInstallation: (installationId: unknown) => closeWhere((t) => String(t.installation._id) === String(installationId)),
    closeServer: (catalogId: unknown) => closeWhere((t) => String(t.server._id) === String(catalogId)),
    closeUser: (userId: string) => closeWhere((t) => t.userId === userId),
    /** This process's view: `connecting`, `connected`, or undefined when it holds nothing for the key. */
    localState(installationId: unknown, userId: string | null): McpConnectionState | undefined {
      const key = connectionKey(installationId, userId);
      if (pending.has(key)) return McpConnectionState.CONNECTING;
      return live.has(key) ? McpConnectionState.CONNECTED : undefined;
    },
    /** Called with the new list whenever a connected server announces that its tools changed. */
    onToolsChanged(listener: ToolsChangedListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The connection went bad in use: close it and record why. */
    async fail(connection: LiveConnection, reason: string): Promise<void> {
      closeConnection(connection);
      await record(connection.target, McpConnectionState.ERROR, { lastError: reason });
    },
    get size(): number {
      return live.size;
    },
    async shutdown(): Promise<void> {
      clearInterval(sweeper);
      for (const connection of [...live.values()]) closeConnection(connection);
      await fetch.close().catch(() => undefined);
    },
  };
}

export type ConnectionManager = ReturnType<typeof createConnectionManager>;
