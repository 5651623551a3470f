import { lookup as dnsLookup } from 'node:dns/promises';
import { classifyIpAddress, type IpAddressClass } from '@mcp-registry/data-provider';
import type { LookupAddress, LookupFunction, OutboundTarget, SsrfOptions } from './types';
import { normalizeHost, effectivePort, type NormalizedHost } from './normalizeHost';
import { compileAllowedAddresses } from './allowedAddresses';
import { compileAllowedDomains } from './allowedDomains';
import { SSRFBlockedError } from './ssrfBlockedError';
import { blockedNameReason } from './blockedNames';

export interface SsrfPolicy {
  /** Scheme, credentials, blocked names, IP literals and allow-lists of a URL, before any connection; resolves names with the policy's lookup. */
  checkUrl(url: string): Promise<URL>;
  /** The addresses a connection is about to use or uses must be global unicast or exempted; throws SSRFBlockedError. */
  checkConnection(target: OutboundTarget, addresses: readonly string[]): void;
  readonly lookup: LookupFunction;
}

const defaultLookup: LookupFunction = (hostname, options) => dnsLookup(hostname, options);

function blocked(reason: string): SSRFBlockedError {
  return new SSRFBlockedError(reason);
}

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw blocked('the URL is not valid');
  }
}

/** `http://@host/` parses with an empty username, so userinfo is found in the raw authority instead. */
function hasUserinfo(raw: string, url: URL): boolean {
  if (url.username || url.password) return true;
  const authority = /^[a-z][a-z0-9+.-]*:[\\/]*([^\\/?#]*)/i.exec(raw.trim())?.[1] ?? '';
  return authority.includes('@');
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'lookup failed';
}

/**
 * Compiles the options once. Reasons name the host the caller gave but never the address a name resolved
 * to, so a blocked request does not reveal the organisation's internal DNS.
 */
export function compileSsrfPolicy(options: SsrfOptions = {}): SsrfPolicy {
  const domains = compileAllowedDomains(options.allowedDomains);
  const exemptions = compileAllowedAddresses(options.allowedAddresses);
  const lookup = options.lookup ?? defaultLookup;

  function hostOf(hostname: string): NormalizedHost {
    const host = normalizeHost(hostname);
    if (!host) throw blocked(`"${hostname}" is not a valid host name`);
    return host;
  }

  /** True when the target is admitted by name (allowedDomains, a named exemption); throws when it is refused. */
  function admittedByName(protocol: string, host: NormalizedHost, port: number, shown: string): boolean {
    if (domains.active) {
      if (domains.matches(protocol, host, port)) return true;
      throw blocked(`${shown} is not in mcpSettings.allowedDomains`);
    }
    if (host.kind === 'address') return false;
    if (exemptions.nameExempt(host.name, port)) return true;
    const reason = blockedNameReason(host.name);
    if (reason) throw blocked(reason);
    return false;
  }

  function checkAddress(address: string | IpAddressClass, port: number, describe: (range: string) => string): void {
    const verdict = typeof address === 'string' ? classifyIpAddress(address) : address;
    if (verdict.kind === 'global') return;
    if (verdict.kind === 'invalid') throw blocked(describe('not an IP address'));
    if (exemptions.addressExempt(verdict.key, port)) return;
    throw blocked(describe(verdict.range));
  }

  async function resolve(name: string): Promise<LookupAddress[]> {
    let answers: LookupAddress[];
    try {
      answers = await lookup(name, { all: true });
    } catch (error) {
      throw blocked(`"${name}" could not be resolved (${errorCode(error)})`);
    }
    if (answers.length === 0) throw blocked(`"${name}" has no addresses`);
    return answers;
  }

  async function checkUrl(raw: string): Promise<URL> {
    const url = parseUrl(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw blocked(`only http and https URLs are allowed, not ${url.protocol}`);
    }
    if (hasUserinfo(raw, url)) throw blocked('URLs with credentials (user@host) are not allowed');
    const host = hostOf(url.hostname);
    const port = effectivePort(url.protocol, url.port);
    if (admittedByName(url.protocol, host, port, `"${url.host}"`)) return url;
    if (host.kind === 'address') {
      checkAddress(host.address, port, (range) => `${url.hostname} is ${range}`);
      return url;
    }
    for (const answer of await resolve(host.name)) {
      checkAddress(answer.address, port, (range) => `"${host.name}" resolves to ${range}`);
    }
    return url;
  }

  function checkConnection(target: OutboundTarget, addresses: readonly string[]): void {
    const host = hostOf(target.hostname);
    if (admittedByName(target.protocol, host, target.port, `"${target.hostname}:${target.port}"`)) return;
    const describe =
      host.kind === 'name'
        ? (range: string) => `"${host.name}" resolved to ${range} at connect time`
        : (range: string) => `${target.hostname} is ${range}`;
    if (addresses.length === 0) throw blocked(`"${target.hostname}" has no addresses`);
    for (const address of addresses) checkAddress(address, target.port, describe);
  }

  return { checkUrl, checkConnection, lookup };
}
