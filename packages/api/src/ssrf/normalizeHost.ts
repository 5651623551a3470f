import { classifyIpAddress, type IpAddressClass } from '@mcp-registry/data-provider';

export type NormalizedHost =
  | { kind: 'address'; address: Exclude<IpAddressClass, { kind: 'invalid' }> }
  | { kind: 'name'; name: string };

/**
 * Lowercases, strips IPv6 brackets and one trailing dot. IPv4 in other encodings never reaches here as a name:
 * the WHATWG URL parser has already rewritten `0x7f.1` or `2130706433` to `127.0.0.1`.
 * Returns undefined for a name with an empty label (`a..b`, `..`).
 */
export function normalizeHost(hostname: string): NormalizedHost | undefined {
  const lower = hostname.toLowerCase();
  const unbracketed = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  const address = classifyIpAddress(unbracketed);
  if (address.kind !== 'invalid') return { kind: 'address', address };
  const name = unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
  if (name.length === 0 || name.split('.').includes('')) return undefined;
  return { kind: 'name', name };
}

/** The URL parser leaves `port` empty for the scheme's default; an explicit `:0` stays port 0. */
export function effectivePort(protocol: string, port: string | number): number {
  if (port !== '') return Number(port);
  return protocol === 'https:' ? 443 : 80;
}
