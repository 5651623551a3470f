import { classifyIpAddress, type IpAddressClass } from './ipAddressClass';

/** A host as written in an allow-list entry, canonicalised: a lowercase ASCII name or an IP literal. */
export type ParsedHost =
  | { kind: 'name'; name: string }
  | { kind: 'address'; address: Exclude<IpAddressClass, { kind: 'invalid' }> };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const PORT = /^\d{1,5}$/;
const NAME_CHARACTERS = /^[a-z0-9_.\-\u0080-\uffff]+$/i;

export function parsePort(text: string): Parsed<number> {
  const port = Number(text);
  if (!PORT.test(text) || port < 1 || port > 65535) return { ok: false, problem: 'has a port outside 1-65535' };
  return { ok: true, value: port };
}

/** Splits `host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 literal (which never carries a port). */
export function splitHostPort(text: string): Parsed<{ host: string; port?: number }> {
  if (text.startsWith('[')) {
    const match = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
    if (!match?.[1]) return { ok: false, problem: 'has an unterminated or empty [IPv6] literal' };
    if (!match[1].includes(':')) return { ok: false, problem: 'has brackets around something that is not an IPv6 address' };
    return withPort(match[1], match[2]);
  }
  const colons = text.split(':').length - 1;
  if (colons > 1) return { ok: true, value: { host: text } };
  if (colons === 0) return { ok: true, value: { host: text } };
  const at = text.lastIndexOf(':');
  return withPort(text.slice(0, at), text.slice(at + 1));
}

function withPort(host: string, portText: string | undefined): Parsed<{ host: string; port?: number }> {
  if (portText === undefined) return { ok: true, value: { host } };
  const port = parsePort(portText);
  if (!port.ok) return port;
  return { ok: true, value: { host, port: port.value } };
}

function parseName(text: string): Parsed<ParsedHost> {
  if (!NAME_CHARACTERS.test(text)) return { ok: false, problem: 'is not a valid host name' };
  const lower = text.toLowerCase();
  let ascii: string;
  try {
    ascii = new URL(`http://${lower}/`).hostname;
  } catch {
    return { ok: false, problem: 'is not a valid host name' };
  }
  if (classifyIpAddress(ascii).kind !== 'invalid') {
    return { ok: false, problem: `is an IPv4 address in a non-standard form; write it as ${ascii}` };
  }
  if (ascii !== lower) return { ok: false, problem: `must be written in ASCII form (${ascii})` };
  const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  if (name.length === 0 || name.length > 253) return { ok: false, problem: 'is not a valid host name' };
  if (!name.split('.').every((label) => LABEL.test(label))) return { ok: false, problem: 'is not a valid host name' };
  return { ok: true, value: { kind: 'name', name } };
}

/** Parses a host without port: a dotted-decimal IPv4, an IPv6 literal, or a DNS name (one trailing dot allowed). */
export function parseHost(text: string): Parsed<ParsedHost> {
  const address = classifyIpAddress(text);
  if (address.kind !== 'invalid') return { ok: true, value: { kind: 'address', address } };
  if (text.includes(':')) return { ok: false, problem: 'is not a valid IPv6 address' };
  return parseName(text);
}
