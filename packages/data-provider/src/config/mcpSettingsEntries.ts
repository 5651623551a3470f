import ipaddr from 'ipaddr.js';
import { parseHost, splitHostPort, type Parsed } from './hostSyntax';

/** One `mcpSettings.allowedAddresses` entry: a name, or the matching key of a non-public address. */
export type AllowedAddressEntry = { kind: 'name'; name: string; port?: number } | { kind: 'address'; key: string; port?: number };

/** One `mcpSettings.allowedDomains` entry; `wildcard` (`*.host`) also matches the apex. */
export type AllowedDomainEntry = {
  scheme?: 'http:' | 'https:';
  host: { kind: 'name'; name: string; wildcard: boolean } | { kind: 'address'; key: string };
  port?: number;
};

export type EntryParseResult<T> = { ok: true; entry: T } | { ok: false; problem: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const NOT_A_HOST = /[/?#@\\]/;
/** `0.0.0.0` and `::` reach every local service on Linux; multicast and broadcast are never one server. */
const NEVER_EXEMPT_RANGES = new Set(['unspecified', 'multicast', 'broadcast']);

function fail<T>(problem: string): EntryParseResult<T> {
  return { ok: false, problem };
}

function commonProblem(raw: string): string | undefined {
  if (raw.length === 0) return 'is empty';
  if (/\s/.test(raw)) return 'contains whitespace';
  return undefined;
}

function isCidr(text: string): boolean {
  const unbracketed = text.replace(/^\[([^\]]*)\]/, '$1');
  return ipaddr.isValidCIDR(unbracketed) || /^[0-9a-f.:]+\/\d+$/i.test(unbracketed);
}

/**
 * Parses an `allowedAddresses` entry: a host name, an IP literal or `[v6]`, optionally `:port`. URLs, paths,
 * CIDR blocks, whitespace and public IP literals are refused: the list exempts private targets, it is not a
 * whitelist, so a public address in it can only be a mistake.
 */
export function parseAllowedAddressEntry(raw: string): EntryParseResult<AllowedAddressEntry> {
  const common = commonProblem(raw);
  if (common) return fail(common);
  if (SCHEME.test(raw)) return fail('is a URL; give only a host name or IP address, optionally with :port');
  if (isCidr(raw)) return fail('is a CIDR block; list single addresses');
  if (NOT_A_HOST.test(raw)) return fail('contains a path, query or credentials; give only a host name or IP address');
  const split = splitHostPort(raw);
  if (!split.ok) return split;
  const host = parseHost(split.value.host);
  if (!host.ok) return host;
  const port = split.value.port;
  if (host.value.kind === 'name') return { ok: true, entry: { kind: 'name', name: host.value.name, port } };
  const address = host.value.address;
  if (address.kind === 'global') {
    return fail('is a public IP address; allowedAddresses only exempts private addresses');
  }
  if (NEVER_EXEMPT_RANGES.has(ipaddr.parse(address.key).range())) {
    return fail('is an unspecified, multicast or broadcast address, which is never a server to exempt');
  }
  return { ok: true, entry: { kind: 'address', key: address.key, port } };
}

function parseScheme(raw: string): Parsed<{ scheme?: 'http:' | 'https:'; rest: string }> {
  const match = SCHEME.exec(raw);
  if (!match?.[1]) return { ok: true, value: { rest: raw } };
  const scheme = `${match[1].toLowerCase()}:`;
  if (scheme !== 'http:' && scheme !== 'https:') return { ok: false, problem: 'has a scheme other than http or https' };
  return { ok: true, value: { scheme, rest: raw.slice(match[0].length) } };
}

/**
 * Parses an `allowedDomains` entry: `[http(s)://]host[:port]` where host is a name, `*.name`, an IPv4
 * literal or `[v6]`. One trailing `/` is tolerated; any other path, query or credentials are refused.
 */
export function parseAllowedDomainEntry(raw: string): EntryParseResult<AllowedDomainEntry> {
  const common = commonProblem(raw);
  if (common) return fail(common);
  const scheme = parseScheme(raw);
  if (!scheme.ok) return scheme;
  const rest = scheme.value.rest.endsWith('/') ? scheme.value.rest.slice(0, -1) : scheme.value.rest;
  if (NOT_A_HOST.test(rest)) return fail('contains a path, query or credentials; give only [scheme://]host[:port]');
  const wildcard = rest.startsWith('*.');
  const hostPort = wildcard ? rest.slice(2) : rest;
  if (hostPort.includes('*')) return fail('has a wildcard that is not a leading "*." label');
  const split = splitHostPort(hostPort);
  if (!split.ok) return split;
  const host = parseHost(split.value.host);
  if (!host.ok) return host;
  const { port } = split.value;
  if (host.value.kind === 'name') {
    return { ok: true, entry: { scheme: scheme.value.scheme, host: { kind: 'name', name: host.value.name, wildcard }, port } };
  }
  if (wildcard) return fail('combines a wildcard with an IP address');
  return { ok: true, entry: { scheme: scheme.value.scheme, host: { kind: 'address', key: host.value.address.key }, port } };
}
