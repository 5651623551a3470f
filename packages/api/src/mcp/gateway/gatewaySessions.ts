import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '@mcp-registry/data-schemas';
import type { Actor } from '../../auth/actor';
import { NotFoundError, ValidationError } from '../../errors/apiError';
import { loadGatewayCatalog } from './gatewayTools';
import { createGatewayServer } from './gatewayServer';
import type { GatewayServerDeps, GatewaySessionScope } from './gatewayServer';

export interface GatewayOptions {
  /** Where `instructions` send people to connect servers. */
  clientUrl: string;
  /** A session unused this long is closed. */
  sessionIdleMs: number;
  /** At most this many open sessions per process; the least recently used one is closed beyond it. */
  maxSessions: number;
  /** How often open sessions are checked for tool-list changes made elsewhere (another replica, the CLI). */
  listCheckMs: number;
}

interface Session {
  id: string;
  transport: StreamableHTTPServerTransport;
  server: Server;
  scope: GatewaySessionScope;
  lastUsedAt: number;
}

export interface GatewayRequest {
  actor: Actor;
  /** `/mcp/:serverName`: one installation's tools, unprefixed. */
  serverName?: string;
  req: IncomingMessage;
  res: ServerResponse;
  body: unknown;
}

const SESSION_HEADER = 'mcp-session-id';

function sessionIdOf(req: IncomingMessage): string | undefined {
  const value = req.headers[SESSION_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The gateway's MCP sessions in this process (Streamable HTTP, stateful). A session belongs to the user who opened
 * it and to the endpoint it was opened on; anyone else presenting its id gets 404, as for an unknown session.
 * Sessions live in process memory (they are streams), so several replicas need session affinity on `/mcp`; what a
 * session lists is read from MongoDB on every request.
 */
export function createGatewaySessions(deps: GatewayServerDeps & { logger: Logger }, options: GatewayOptions) {
  const sessions = new Map<string, Session>();
  let checkQueued = false;

  const sweeper = setInterval(() => {
    const idleBefore = Date.now() - options.sessionIdleMs;
    for (const session of sessions.values()) if (session.lastUsedAt < idleBefore) void close(session);
    void announceChanges();
  }, options.listCheckMs);
  sweeper.unref();

  async function close(session: Session): Promise<void> {
    sessions.delete(session.id);
    await session.server.close().catch(() => undefined);
  }

  function touch(session: Session, actor: Actor): void {
    session.lastUsedAt = Date.now();
    session.scope.actor = actor;
    sessions.delete(session.id);
    sessions.set(session.id, session);
  }

  async function open(request: GatewayRequest): Promise<void> {
    const scope: GatewaySessionScope = { actor: request.actor, serverName: request.serverName };
    const server = await createGatewayServer(deps, scope, options.clientUrl);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        sessions.set(id, { id, transport, server, scope, lastUsedAt: Date.now() });
        const oldest = sessions.values().next().value;
        if (sessions.size > options.maxSessions && oldest) void close(oldest);
      },
      onsessionclosed: (id) => void sessions.delete(id),
    });
    transport.onclose = () => void (transport.sessionId && sessions.delete(transport.sessionId));
    await server.connect(transport);
    await transport.handleRequest(request.req, request.res, request.body);
  }

  /**
   * Tells open sessions whose tool list differs from what they were last told, once per change. Sessions of one
   * user on one endpoint share a single read of their catalog per check.
   */
  async function announceChanges(): Promise<void> {
    const fingerprints = new Map<string, Promise<string>>();
    const fingerprintOf = (scope: GatewaySessionScope): Promise<string> => {
      const key = `${scope.actor.id}/${scope.serverName ?? ''}`;
      const known = fingerprints.get(key);
      if (known) return known;
      const loading = loadGatewayCatalog(deps, scope.actor, scope.serverName).then((c) => c.fingerprint);
      fingerprints.set(key, loading);
      return loading;
    };
    for (const session of [...sessions.values()]) {
      const { scope } = session;
      try {
        const fingerprint = await fingerprintOf(scope);
        if (fingerprint === scope.announced) continue;
        const first = scope.announced === undefined;
        scope.announced = fingerprint;
        if (!first) await session.server.sendToolListChanged();
      } catch (error) {
        deps.logger.warn('[MCP Gateway] could not check a session for tool changes', { error: String(error) });
      }
    }
  }

  return {
    async handle(request: GatewayRequest): Promise<void> {
      const id = sessionIdOf(request.req);
      if (!id) {
        if (request.req.method !== 'POST' || !isInitializeRequest(request.body)) {
          throw new ValidationError(`An ${SESSION_HEADER} header is required except on an initialize request`, [{ field: SESSION_HEADER, location: 'headers', message: 'required' }]);
        }
        return open(request);
      }
      const session = sessions.get(id);
      if (!session || session.scope.actor.id !== request.actor.id || session.scope.serverName !== request.serverName) {
        throw new NotFoundError('MCP session');
      }
      touch(session, request.actor);
      await session.transport.handleRequest(request.req, request.res, request.body);
    },
    /** Something that may change tool lists happened in this process: check the open sessions soon. */
    changed(): void {
      if (checkQueued) return;
      checkQueued = true;
      setTimeout(() => {
        checkQueued = false;
        void announceChanges();
      }, 25).unref();
    },
    get size(): number {
      return sessions.size;
    },
    async shutdown(): Promise<void> {
      clearInterval(sweeper);
      await Promise.all([...sessions.values()].map(close));
    },
  };
}

export type GatewaySessions = ReturnType<typeof createGatewaySessions>;
