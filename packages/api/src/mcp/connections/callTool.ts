import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { McpError, ErrorCode as JsonRpcErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { NotFoundError, UpstreamUnavailableError } from '../../errors/apiError';
import { classifyFailure, failureError } from './connectionFailure';
import type { ConnectTarget } from './connectTarget';
import type { ConnectionManager } from './connectionManager';
import { withDeadline } from './openClient';

/** What a tool call answers: the MCP `CallToolResult` (`isError` only when the tool failed). */
export interface ToolCallResult {
  content: unknown[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** A JSON-RPC error answered over a working connection (the connection stays open). */
function isAnswerError(error: unknown): boolean {
  return error instanceof McpError && error.code !== JsonRpcErrorCode.ConnectionClosed && error.code !== JsonRpcErrorCode.RequestTimeout;
}

function resultOf(raw: Record<string, unknown>): ToolCallResult {
  const result: ToolCallResult = { content: Array.isArray(raw.content) ? raw.content : [] };
  if (raw.structuredContent && typeof raw.structuredContent === 'object') result.structuredContent = raw.structuredContent as Record<string, unknown>;
  if (raw.isError === true) result.isError = true;
  return result;
}

/**
 * Calls a tool over the target's connection, connecting first if needed. A tool that the server did not list is
 * 404. A session the server no longer knows (HTTP 404, as the specification has it, or the socket it was kept on
 * closed by a restart) is re-made once; any other transport failure closes the connection and records why.
 */
/** What a caller may add to one call: cancellation and progress, passed on to the server. */
export type ToolCallOptions = Pick<RequestOptions, 'signal' | 'onprogress'>;

export async function callToolOn(manager: ConnectionManager, target: ConnectTarget, toolName: string, args: Record<string, unknown>, options: ToolCallOptions = {}): Promise<ToolCallResult> {
  for (let attempt = 0; ; attempt += 1) {
    const connection = await manager.connect(target);
    if (!connection.toolNames.has(toolName)) throw new NotFoundError(`Tool "${toolName}" of MCP server "${target.server.serverName}"`);
    try {
      const call = connection.client.callTool({ name: toolName, arguments: args }, undefined, { ...options, timeout: connection.timeoutMs });
      return resultOf(await withDeadline(call, connection.timeoutMs, () => undefined));
    } catch (error) {
      const failure = classifyFailure(error);
      if (isAnswerError(error)) throw new UpstreamUnavailableError(`MCP server "${target.server.serverName}" answered with an error: ${failure.reason}`);
      await manager.fail(connection, failure.reason);
      if (failure.kind === 'unavailable' && failure.sessionLost && attempt === 0) continue;
      throw failureError(target.server.serverName, failure, Boolean(target.server.config.oauth));
    }
  }
}
