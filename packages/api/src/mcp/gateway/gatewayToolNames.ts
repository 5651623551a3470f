import { createHash } from 'node:crypto';

/** The limit LLM function-calling APIs put on a tool name (the MCP specification allows 128). */
export const GATEWAY_TOOL_NAME_MAX = 64;
export const GATEWAY_TOOL_SEPARATOR = '__';

export interface UpstreamToolRef {
  serverName: string;
  toolName: string;
}

const DISALLOWED = /[^A-Za-z0-9_-]/g;

function digest(ref: UpstreamToolRef, length: number): string {
  return createHash('sha256').update(`${ref.serverName}\0${ref.toolName}`).digest('hex').slice(0, length);
}

function shortened(clean: string, ref: UpstreamToolRef, hashLength: number): string {
  return `${clean.slice(0, GATEWAY_TOOL_NAME_MAX - hashLength - 1)}_${digest(ref, hashLength)}`;
}

/**
 * Names the gateway gives upstream tools: `<serverName>__<toolName>` (or the tool's own name for a one-server
 * endpoint). A name that is too long, has characters outside `[A-Za-z0-9_-]`, or is taken by an earlier tool is cut
 * and suffixed with a hash of the (server, tool) pair, so the same set of tools always gets the same names.
 * `refs` must come in a stable order; the answer is in the same order.
 */
export function assignGatewayToolNames(refs: readonly UpstreamToolRef[], prefixed: boolean): string[] {
  const taken = new Set<string>();
  return refs.map((ref) => {
    const wanted = prefixed ? `${ref.serverName}${GATEWAY_TOOL_SEPARATOR}${ref.toolName}` : ref.toolName;
    const clean = wanted.replace(DISALLOWED, '_');
    let name = clean;
    for (let hashLength = 8; clean !== wanted || name.length > GATEWAY_TOOL_NAME_MAX || taken.has(name); hashLength += 8) {
      name = shortened(clean, ref, hashLength);
      if (!taken.has(name) || hashLength >= 32) break;
    }
    taken.add(name);
    return name;
  });
}

/**
 * The (server, tool) a name stands for when the gateway did not have to shorten it: `<serverName>__<toolName>` (a
 * slug never contains `__`), or the tool's own name on a one-server endpoint. A shortened name also parses; the
 * caller checks that the tool exists.
 */
export function literalToolRef(name: string, serverName?: string): UpstreamToolRef | undefined {
  if (serverName !== undefined) return { serverName, toolName: name };
  const at = name.indexOf(GATEWAY_TOOL_SEPARATOR);
  if (at <= 0) return undefined;
  return { serverName: name.slice(0, at), toolName: name.slice(at + GATEWAY_TOOL_SEPARATOR.length) };
}
