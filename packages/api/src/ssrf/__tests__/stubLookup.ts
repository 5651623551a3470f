import type { LookupAddress, LookupFunction } from '../types';

type Answer = readonly string[] | NodeJS.ErrnoException;

function family(address: string): number {
  return address.includes(':') ? 6 : 4;
}

export function dnsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ${code}`), { code });
}

/**
 * A DNS stand-in for tests: answers from a table (a function of the call number for rebinding), and
 * ENOTFOUND for anything else. `calls` records every name asked for.
 */
export function stubLookup(table: Record<string, Answer | ((call: number) => Answer)>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<LookupAddress[]> => {
    calls.push(hostname);
    const entry = table[hostname];
    const answer = typeof entry === 'function' ? entry(calls.filter((name) => name === hostname).length) : entry;
    if (answer === undefined) throw dnsError('ENOTFOUND');
    if (answer instanceof Error) throw answer;
    return answer.map((address) => ({ address, family: family(address) }));
  };
  return Object.assign(lookup, { calls });
}
