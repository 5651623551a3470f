import { McpError, ErrorCode as JsonRpcErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { ApiError, AuthRequiredError, UpstreamUnavailableError } from '../../errors/apiError';
import { SSRFBlockedError } from '../../ssrf/ssrfBlockedError';

/** Why talking to an MCP server failed, in a few words safe to show (never the server's response body). */
export type ConnectionFailure =
  | { kind: 'blocked'; reason: string; error: SSRFBlockedError }
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'unavailable'; reason: string; status?: number; sessionLost?: boolean };

/** The deadline of a connect or a call passed. */
export class DeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timeout after ${timeoutMs} ms`);
  }
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response',
};

/** A kept-alive socket the server closed (it restarted): the session is gone with it. */
const SESSION_LOST = new Set(['connection closed', 'connection reset']);

const TLS_CODE = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH)/;

function chain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current = error;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth += 1) {
    out.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return out;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof StreamableHTTPError) && !(error instanceof SseError)) return undefined;
  return typeof error.code === 'number' && error.code >= 100 ? error.code : undefined;
}

function networkReason(errors: unknown[]): string | undefined {
  for (const error of errors) {
    const code = codeOf(error);
    if (!code) continue;
    if (NETWORK_REASONS[code]) return NETWORK_REASONS[code];
    if (TLS_CODE.test(code)) return `TLS error (${code})`;
  }
  return undefined;
}

function protocolReason(error: unknown): string {
  if (error instanceof McpError) {
    if (error.code === JsonRpcErrorCode.RequestTimeout) return 'timeout waiting for the server';
    if (error.code === JsonRpcErrorCode.ConnectionClosed) return 'the server closed the connection';
    return `protocol error (JSON-RPC ${error.code})`;
  }
  return 'protocol error (unexpected response)';
}

/**
 * Classifies a failure of a connect or a call: refused by the SSRF guard (at the URL, at connect time or on a
 * redirect), refused for lack of credentials (HTTP 401), or anything else that leaves the server unavailable.
 */
export function classifyFailure(error: unknown, blocked?: SSRFBlockedError): ConnectionFailure {
  const errors = chain(error);
  const refused = blocked ?? errors.find((e): e is SSRFBlockedError => e instanceof SSRFBlockedError);
  if (refused) return { kind: 'blocked', reason: refused.reason, error: refused };
  if (errors.some((e) => e instanceof UnauthorizedError)) return { kind: 'unauthorized', reason: 'the server answered HTTP 401' };
  const status = errors.map(httpStatusOf).find((s) => s !== undefined);
  if (status === 401) return { kind: 'unauthorized', reason: 'the server answered HTTP 401' };
  if (status !== undefined) return { kind: 'unavailable', reason: `the server answered HTTP ${status}`, status, sessionLost: status === 404 };
  const deadline = errors.find((e): e is DeadlineError => e instanceof DeadlineError);
  if (deadline) return { kind: 'unavailable', reason: deadline.message };
  const network = networkReason(errors);
  if (network) return { kind: 'unavailable', reason: network, sessionLost: SESSION_LOST.has(network) };
  return { kind: 'unavailable', reason: protocolReason(error) };
}

/** The client-facing error: 400 SSRF_BLOCKED, 409 AUTH_REQUIRED or 502 UPSTREAM_UNAVAILABLE, naming the server. */
export function failureError(serverName: string, failure: ConnectionFailure, oauth: boolean): ApiError {
  if (failure.kind === 'blocked') return failure.error;
  const label = `MCP server "${serverName}"`;
  if (failure.kind === 'unauthorized') {
    const what = oauth ? 'requires OAuth authorization' : `refused the credentials (${failure.reason})`;
    return new AuthRequiredError(`${label} ${what}`, { oauth, missing: [] });
  }
  return new UpstreamUnavailableError(`${label} is unavailable: ${failure.reason}`);
}
