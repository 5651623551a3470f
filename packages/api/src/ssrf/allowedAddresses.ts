import { parseAllowedAddressEntry } from '@mcp-registry/data-provider';

/** `mcpSettings.allowedAddresses`: exemptions from the private-address check, never a whitelist. */
export interface AllowedAddresses {
  nameExempt(name: string, port: number): boolean;
  addressExempt(key: string, port: number): boolean;
}

const ANY_PORT = 0;
const NO_ENTRIES: readonly string[] = Object.freeze([]);
const cache = new WeakMap<readonly string[], AllowedAddresses>();

function add(map: Map<string, Set<number>>, key: string, port: number | undefined): void {
  const ports = map.get(key) ?? new Set<number>();
  ports.add(port ?? ANY_PORT);
  map.set(key, ports);
}

function exempt(map: Map<string, Set<number>>, key: string, port: number): boolean {
  const ports = map.get(key);
  return ports !== undefined && (ports.has(ANY_PORT) || ports.has(port));
}

/** Compiles the list once per array; an invalid entry throws (configuration is validated before this). */
export function compileAllowedAddresses(list: readonly string[] = NO_ENTRIES): AllowedAddresses {
  const cached = cache.get(list);
  if (cached) return cached;
  const names = new Map<string, Set<number>>();
  const addresses = new Map<string, Set<number>>();
  for (const raw of list) {
    const parsed = parseAllowedAddressEntry(raw);
    if (!parsed.ok) throw new TypeError(`mcpSettings.allowedAddresses entry ${JSON.stringify(raw)} ${parsed.problem}`);
    const { entry } = parsed;
    if (entry.kind === 'name') add(names, entry.name, entry.port);
    else add(addresses, entry.key, entry.port);
  }
  const compiled: AllowedAddresses = {
    nameExempt: (name, port) => exempt(names, name, port),
    addressExempt: (key, port) => exempt(addresses, key, port),
  };
  cache.set(list, compiled);
  return compiled;
}
