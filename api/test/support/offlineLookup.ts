import type { LookupFunction } from '@mcp-registry/api';

/** A public address that tests may name (nothing ever connects to it). */
export const TEST_PUBLIC_IPV4 = '93.184.215.14';

const TEST_DOMAINS = ['example.com', 'example.org', 'example.net', 'test', 'example'];

function isTestName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return TEST_DOMAINS.some((d) => name === d || name.endsWith(`.${d}`));
}

/**
 * DNS for tests, so that no test resolves a real name: the reserved test domains (RFC 2606) answer a public
 * address, anything else fails like an unknown name (the SSRF guard then blocks, it never fails open).
 */
export function offlineLookup(overrides: Record<string, string[]> = {}): LookupFunction {
  return async (hostname) => {
    const answer = overrides[hostname.toLowerCase()] ?? (isTestName(hostname) ? [TEST_PUBLIC_IPV4] : undefined);
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}
