import { parseAllowedDomainEntry, type AllowedDomainEntry } from '@mcp-registry/data-provider';
import type { NormalizedHost } from './normalizeHost';

export interface AllowedDomains {
  /** True when the list is non-empty: it is then a strict whitelist. */
  readonly active: boolean;
  matches(protocol: string, host: NormalizedHost, port: number): boolean;
}

const NO_ENTRIES: readonly string[] = Object.freeze([]);
const cache = new WeakMap<readonly string[], AllowedDomains>();

function pushTo(map: Map<string, AllowedDomainEntry[]>, key: string, entry: AllowedDomainEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

function accepts(entries: AllowedDomainEntry[] | undefined, protocol: string, port: number): boolean {
  if (!entries) return false;
  return entries.some((e) => (!e.scheme || e.scheme === protocol) && (e.port === undefined || e.port === port));
}

/** Parent names of `a.b.c`: `a.b.c`, `b.c`, `c` — a `*.b.c` entry matches the apex `b.c` and everything below. */
function* selfAndParents(name: string): Generator<string> {
  let rest = name;
  while (rest.length > 0) {
    yield rest;
    const dot = rest.indexOf('.');
    if (dot < 0) return;
    rest = rest.slice(dot + 1);
  }
}

/**
 * Compiles `mcpSettings.allowedDomains`. An invalid entry throws instead of being skipped: dropping the only
 * entry would turn the whitelist off.
 */
export function compileAllowedDomains(list: readonly string[] = NO_ENTRIES): AllowedDomains {
  const cached = cache.get(list);
  if (cached) return cached;
  const exact = new Map<string, AllowedDomainEntry[]>();
  const wildcard = new Map<string, AllowedDomainEntry[]>();
  for (const raw of list) {
    const parsed = parseAllowedDomainEntry(raw);
    if (!parsed.ok) throw new TypeError(`mcpSettings.allowedDomains entry ${JSON.stringify(raw)} ${parsed.problem}`);
    const { host } = parsed.entry;
    if (host.kind === 'address') pushTo(exact, host.key, parsed.entry);
    else pushTo(host.wildcard ? wildcard : exact, host.name, parsed.entry);
  }
  const compiled: AllowedDomains = {
    active: list.length > 0,
    matches(protocol, host, port) {
      if (host.kind === 'address') return accepts(exact.get(host.address.key), protocol, port);
      if (accepts(exact.get(host.name), protocol, port)) return true;
      for (const parent of selfAndParents(host.name)) {
        if (accepts(wildcard.get(parent), protocol, port)) return true;
      }
      return false;
    },
  };
  cache.set(list, compiled);
  return compiled;
}
