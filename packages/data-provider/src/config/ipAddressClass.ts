import ipaddr from 'ipaddr.js';

/**
 * What an IP literal denotes for outbound requests. `key` is the canonical form used for matching
 * (RFC 5952 for IPv6; an IPv4-mapped address becomes its IPv4 address); `range` reads after "is …".
 */
export type IpAddressClass =
  | { kind: 'invalid' }
  | { kind: 'global'; key: string }
  | { kind: 'blocked'; key: string; range: string };

const GLOBAL_RANGES = new Set(['unicast', 'as112', 'amt', 'as112v6']);

const RANGE_LABELS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  reserved: 'a reserved, documentation or benchmarking address',
  uniqueLocal: 'a unique local address',
  deprecatedSiteLocal: 'a site-local address',
  discard: 'a discard-only address',
  rfc6145: 'an IPv4-translated address (RFC 6145)',
  rfc6052: 'a NAT64 address (RFC 6052)',
  '6to4': 'a 6to4 address',
  teredo: 'a Teredo address',
  benchmarking: 'a benchmarking address',
  deprecatedOrchid: 'an ORCHID identifier',
  orchid2: 'an ORCHID identifier',
  droneRemoteIdProtocolEntityTags: 'a DRIP entity tag',
  segmentRouting: 'a segment routing address',
};

/** Shape pre-check only: ipaddr.js validates by throwing, which costs microseconds for every host name. */
const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parse('2000::');
const IPV4_COMPATIBLE_V6 = ipaddr.IPv6.parse('::');

/**
 * Rewrites a dotted IPv4 tail (`::8.8.8.8`) as two hex groups. ipaddr.js turns `::a.b.c.d` into the
 * IPv4-mapped `::ffff:a.b.c.d`, which would judge the deprecated IPv4-compatible `::8.8.8.8` as public,
 * and it accepts hex/octal parts in the tail that no URL parser produces.
 */
function withHexTail(ip: string): string | undefined {
  const colon = ip.lastIndexOf(':');
  const tail = ip.slice(colon + 1);
  if (!tail.includes('.')) return ip;
  if (!ipaddr.IPv4.isValidFourPartDecimal(tail)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(tail).octets;
  return `${ip.slice(0, colon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

function classifyIPv4(address: ipaddr.IPv4): IpAddressClass {
  const key = address.toString();
  const range = address.range();
  if (GLOBAL_RANGES.has(range)) return { kind: 'global', key };
  return { kind: 'blocked', key, range: RANGE_LABELS[range] ?? 'not a global unicast address' };
}

/**
 * ipaddr.js calls everything outside its special ranges "unicast", including IPv4-compatible `::/96`
 * (`::7f00:1` is 127.0.0.1 on stacks that still honour it) and unassigned space such as `4000::/2`, so an
 * IPv6 address must also lie in 2000::/3, the only block IANA allocates for global unicast.
 * Unknown range names from a newer ipaddr.js fail closed.
 */
function classifyIPv6(address: ipaddr.IPv6): IpAddressClass {
  const range = address.range();
  if (range === 'ipv4Mapped') return classifyIPv4(address.toIPv4Address());
  const key = address.toString();
  if (range !== 'unicast') {
    if (GLOBAL_RANGES.has(range)) return { kind: 'global', key };
    return { kind: 'blocked', key, range: RANGE_LABELS[range] ?? 'not a global unicast address' };
  }
  if (address.match(GLOBAL_UNICAST_V6, 3)) return { kind: 'global', key };
  if (address.match(IPV4_COMPATIBLE_V6, 96)) return { kind: 'blocked', key, range: 'an IPv4-compatible address' };
  return { kind: 'blocked', key, range: 'outside the global unicast space 2000::/3' };
}

function parseIPv6(ip: string): ipaddr.IPv6 | undefined {
  if (ip.includes('%')) return undefined;
  const hex = withHexTail(ip);
  if (hex === undefined) return undefined;
  try {
    return ipaddr.IPv6.parse(hex);
  } catch {
    return undefined;
  }
}

/**
 * Classifies one IP literal: IPv4 in dotted-decimal form only, IPv6 without brackets or zone id.
 * Anything else (`127.1`, `0x7f000001`, `[::1]`, `fe80::1%eth0`, names) is `invalid`, never guessed at.
 */
export function classifyIpAddress(ip: string): IpAddressClass {
  if (ip.includes(':')) {
    const address = parseIPv6(ip);
    return address ? classifyIPv6(address) : { kind: 'invalid' };
  }
  if (!DOTTED_QUAD.test(ip) || !ipaddr.IPv4.isValidFourPartDecimal(ip)) return { kind: 'invalid' };
  return classifyIPv4(ipaddr.IPv4.parse(ip));
}
