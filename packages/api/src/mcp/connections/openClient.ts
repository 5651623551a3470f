import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { McpTransport } from '@mcp-registry/data-provider';
import type { GuardedFetch } from '../../ssrf/guardedFetch';
import { SSRFBlockedError } from '../../ssrf/ssrfBlockedError';
import { DeadlineError } from './connectionFailure';

export const CLIENT_INFO = { name: 'mcp-registry', version: '0.1.0' } as const;

export interface OpenClientOptions {
  url: string;
  transport: McpTransport;
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: GuardedFetch;
  /** Wraps the transport's fetch (the OAuth bearer of the connection's user). */
  wrapFetch?: (fetch: FetchLike) => FetchLike;
  /** Called with the new list after the server announced `notifications/tools/list_changed`. */
  onToolsChanged(tools: Tool[]): void;
}

export interface OpenedClient {
  client: Client;
  transport: Transport;
  /** The transport that answered: `sse` after a Streamable HTTP server signalled the legacy protocol. */
  transportType: McpTransport;
  /** The SSRF refusal of the connection's last refused request (the SSE stream's EventSource hides the error). */
  blocked(): SSRFBlockedError | undefined;
}

/** Resolves with the work, or rejects with DeadlineError (running `onExpire`) once `timeoutMs` has passed. */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, onExpire: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onExpire();
      reject(new DeadlineError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The guarded fetch as the SDK types it, remembering the last SSRF refusal. */
function recordingFetch(fetch: GuardedFetch): { fetch: FetchLike; blocked(): SSRFBlockedError | undefined } {
  let last: SSRFBlockedError | undefined;
  const recording = async (url: string | URL, init?: RequestInit): Promise<Response> => {
    try {
      return (await fetch(url, init as Parameters<GuardedFetch>[1])) as unknown as Response;
    } catch (error) {
      if (error instanceof SSRFBlockedError) last = error;
      throw error;
    }
  };
  return { fetch: recording, blocked: () => last };
}

/** The spec's backwards-compatibility signal: the initialize POST answered with a 4xx other than 401/403. */
function signalsLegacySse(error: unknown): boolean {
  if (!(error instanceof StreamableHTTPError) || typeof error.code !== 'number') return false;
  return error.code >= 400 && error.code < 500 && error.code !== 401 && error.code !== 403;
}

function newTransport(type: McpTransport, options: OpenClientOptions, fetch: FetchLike): Transport {
  const url = new URL(options.url);
  const common = { fetch, requestInit: { headers: options.headers }, redirectPolicy: 'follow' as const };
  if (type === McpTransport.SSE) return new SSEClientTransport(url, common);
  return new StreamableHTTPClientTransport(url, { ...common, reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 } });
}

async function attempt(type: McpTransport, options: OpenClientOptions, fetch: FetchLike): Promise<{ client: Client; transport: Transport }> {
  const client = new Client(CLIENT_INFO, {
    capabilities: {},
    listChanged: { tools: { onChanged: (error, tools) => (error || !tools ? undefined : options.onToolsChanged(tools)) } },
  });
  const transport = newTransport(type, options, fetch);
  const close = () => void client.close().catch(() => undefined);
  try {
    await withDeadline(client.connect(transport, { timeout: options.timeoutMs }), options.timeoutMs, close);
  } catch (error) {
    close();
    throw error;
  }
  return { client, transport };
}

/**
 * Connects an SDK Client over the server's transport, every request through the guarded fetch (redirects are
 * followed there, each hop re-checked). A `streamable-http` server answering the initialize POST with a 4xx is
 * retried over the legacy SSE transport, as the specification's backwards compatibility describes. A refusal by
 * the SSRF guard is rethrown as such even where the SDK reports it as a stream error.
 */
export async function openClient(options: OpenClientOptions): Promise<OpenedClient> {
  const recording = recordingFetch(options.fetch);
  const fetch = options.wrapFetch ? options.wrapFetch(recording.fetch) : recording.fetch;
  const type = options.transport === McpTransport.SSE ? McpTransport.SSE : McpTransport.STREAMABLE_HTTP;
  const open = (transportType: McpTransport) =>
    attempt(transportType, options, fetch).then((opened) => ({ ...opened, transportType, blocked: recording.blocked }));
  try {
    try {
      return await open(type);
    } catch (error) {
      if (type === McpTransport.SSE || !signalsLegacySse(error)) throw error;
    }
    return await open(McpTransport.SSE);
  } catch (error) {
    throw recording.blocked() ?? error;
  }
}

/** Every page of `tools/list`. */
export async function listAllTools(client: Client, timeoutMs: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: timeoutMs });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}
