import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { McpTransport } from '@mcp-registry/data-provider';
import type { ConnectTarget } from './connectTarget';

/** An open connection of this process. */
export interface LiveConnection {
  readonly key: string;
  readonly target: ConnectTarget;
  readonly client: Client;
  readonly transport: Transport;
  readonly transportType: McpTransport;
  /** The catalog server's version when it was made: an older one is stale. */
  readonly catalogVersion: number;
  readonly connectedAt: Date;
  readonly timeoutMs: number;
  /** Made with the user's OAuth grant: the status keeps saying that the server signs people in. */
  readonly usesOAuth: boolean;
  /** The credentials it was made with, as `readMcpCredentialStamp` condenses them, and when that was last confirmed. */
  readonly credentialStamp: string;
  credentialsCheckedAt: number;
  tools: Tool[];
  toolNames: Set<string>;
  lastUsedAt: number;
  /** Credentials changed since it was made: re-made on next use. */
  stale: boolean;
  /** Set when this process closes it, so the close is not taken for the server going away. */
  closing: boolean;
}

/** What the tool cache keeps of a tool. */
export function cachedToolsJson(tools: readonly Tool[]): string {
  return JSON.stringify(tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema, annotations: t.annotations })));
}
