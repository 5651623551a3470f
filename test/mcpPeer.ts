import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

export interface McpPeerOptions {
  /** `streamable-http` (stateful sessions) or the legacy HTTP+SSE protocol (POST on the URL answers 405). */
  protocol?: 'streamable-http' | 'sse';
  /** Requests without this header (or, with `value`, with another value) get 401. */
  requireHeader?: { name: string; value?: string };
  /** The `whoami` tool answers the value of this request header. */
  echoHeader?: string;
  /** Awaited before any tool call is answered (to hold a call in flight). */
  beforeCall?: (toolName: string) => Promise<void>;
}

export interface McpPeer {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  port: number;
  /** Sessions initialized and ended (Streamable HTTP DELETE, SSE stream closed). */
  sessionsOpened: number;
  sessionsClosed: number;
  /** Every request's method and path. */
  requests: string[];
  /** Replaces the tool list and notifies every connected session. */
  setExtraTools(names: string[]): Promise<void>;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

const BASE_TOOLS: Tool[] = [
  { name: 'echo', description: 'Answers its text', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } },
  { name: 'whoami', description: 'Answers the credential it was called with', inputSchema: { type: 'object', properties: {} } },
  { name: 'fail', description: 'Always fails', inputSchema: { type: 'object', properties: {} } },
];

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * A real MCP server built with the SDK's server classes on 127.0.0.1, for tests and benchmarks: tools `echo`,
 * `whoami` and `fail`, optional header check, Streamable HTTP with sessions or the legacy SSE protocol.
 */
export async function startMcpPeer(options: McpPeerOptions = {}): Promise<McpPeer> {
  const sessions = new Map<string, { server: Server; transport: StreamableHTTPServerTransport | SSEServerTransport }>();
  let extra: Tool[] = [];
  let http: HttpServer | undefined;
  let port = 0;

  const peer: McpPeer = {
    url: '',
    port: 0,
    sessionsOpened: 0,
    sessionsClosed: 0,
    requests: [],
    async setExtraTools(names) {
      extra = names.map((name) => ({ name, description: `Extra ${name}`, inputSchema: { type: 'object', properties: {} } }));
      await Promise.all([...sessions.values()].map((s) => s.server.sendToolListChanged().catch(() => undefined)));
    },
    start,
    stop,
  };

  function mcpServer(credential: string | undefined): Server {
    const server = new Server({ name: 'test-peer', version: '1.0.0' }, { capabilities: { tools: { listChanged: true } } });
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [...BASE_TOOLS, ...extra] }));
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const args = request.params.arguments ?? {};
      await options.beforeCall?.(request.params.name);
      if (request.params.name === 'echo') return { content: [{ type: 'text', text: String(args.text) }], structuredContent: { text: String(args.text) } };
      if (request.params.name === 'whoami') return { content: [{ type: 'text', text: credential ?? '' }] };
      if (request.params.name === 'fail') return { content: [{ type: 'text', text: 'it failed' }], isError: true };
      return { content: [{ type: 'text', text: `called ${request.params.name}` }] };
    });
    return server;
  }

  function rejected(req: IncomingMessage, res: ServerResponse): boolean {
    const rule = options.requireHeader;
    if (!rule) return false;
    const value = req.headers[rule.name.toLowerCase()];
    if (value !== undefined && (rule.value === undefined || value === rule.value)) return false;
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
    return true;
  }

  function credentialOf(req: IncomingMessage): string | undefined {
    const value = options.echoHeader ? req.headers[options.echoHeader.toLowerCase()] : undefined;
    return Array.isArray(value) ? value[0] : value;
  }

  async function streamable(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = req.headers['mcp-session-id'];
    const known = typeof id === 'string' ? sessions.get(id) : undefined;
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (known) return (known.transport as StreamableHTTPServerTransport).handleRequest(req, res, body);
    if (req.method !== 'POST' || typeof id === 'string') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"unknown session"}');
      return;
    }
    const server = mcpServer(credentialOf(req));
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => {
        peer.sessionsOpened += 1;
        sessions.set(sessionId, { server, transport });
      },
      onsessionclosed: (sessionId) => {
        peer.sessionsClosed += 1;
        sessions.delete(sessionId);
      },
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  async function legacy(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/mcp' && req.method === 'GET') {
      const transport = new SSEServerTransport('/messages', res);
      const server = mcpServer(credentialOf(req));
      sessions.set(transport.sessionId, { server, transport });
      peer.sessionsOpened += 1;
      res.on('close', () => {
        peer.sessionsClosed += 1;
        sessions.delete(transport.sessionId);
      });
      await server.connect(transport);
      return;
    }
    if (path === '/messages' && req.method === 'POST') {
      const id = new URL(req.url ?? '/', 'http://peer').searchParams.get('sessionId') ?? '';
      const session = sessions.get(id);
      if (!session) return void res.writeHead(404).end();
      return (session.transport as SSEServerTransport).handlePostMessage(req, res, await readJson(req));
    }
    res.writeHead(405).end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://peer').pathname;
    peer.requests.push(`${req.method} ${path}`);
    if (rejected(req, res)) return;
    if (options.protocol === 'sse') return legacy(req, res, path);
    if (path !== '/mcp') return void res.writeHead(404).end();
    return streamable(req, res);
  }

  async function start(): Promise<void> {
    const server = createServer((req, res) => {
      handle(req, res).catch(() => (res.headersSent ? res.end() : res.writeHead(500).end()));
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    http = server;
    Object.assign(peer, { port, url: `http://127.0.0.1:${port}/mcp` });
  }

  async function stop(): Promise<void> {
    const server = http;
    http = undefined;
    if (!server) return;
    for (const session of sessions.values()) await session.server.close().catch(() => undefined);
    sessions.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  await start();
  return peer;
}

/** An HTTP server on 127.0.0.1 that answers every request with a 307 to `location`. */
export async function startRedirector(location: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(307, { location }).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
