import { Agent, Pool, fetch, type RequestInit, type Response } from 'undici';
import type { SsrfOptions } from './types';
import { createGuardedConnector, type ConnectOptions } from './guardedConnector';
import { isRedirectStatus, redirectRequest } from './redirectRequest';
import { compileSsrfPolicy, type SsrfPolicy } from './ssrfPolicy';
import { SSRFBlockedError } from './ssrfBlockedError';

export const MAX_REDIRECTS = 5;

export interface GuardedFetchOptions extends SsrfOptions {
  /** Redirect hops to follow, 0 to 5 (default 5). */
  maxRedirects?: number;
  /** Socket and TLS options for every connection (e.g. `ca`, `timeout`); `lookup` is the policy's. */
  connect?: ConnectOptions;
}

/**
 * A fetch whose every connection and redirect hop passes the SSRF policy. With `redirect: 'manual'` the 3xx
 * comes back unfollowed and its Location unchecked: follow it only through this fetch again.
 */
export interface GuardedFetch {
  (input: string | URL, init?: RequestInit): Promise<Response>;
  readonly dispatcher: Agent;
  close(): Promise<void>;
}

function blockedCause(error: unknown): SSRFBlockedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof SSRFBlockedError) return current;
    current = current.cause;
  }
  return undefined;
}

async function nextHop(policy: SsrfPolicy, location: string, base: URL): Promise<URL> {
  let target: string;
  try {
    target = new URL(location, base).href;
  } catch {
    throw new SSRFBlockedError('redirect to an invalid URL');
  }
  try {
    return await policy.checkUrl(target);
  } catch (error) {
    if (error instanceof SSRFBlockedError) throw new SSRFBlockedError(`redirect refused: ${error.reason}`);
    throw error;
  }
}

/**
 * Builds a fetch on its own undici Agent: environment proxies are never consulted (no EnvHttpProxyAgent, no
 * global dispatcher), redirects are followed here so each hop is checked on its own URL (an exemption of the
 * first URL is not inherited), and the connector re-checks the address each socket really uses.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const policy = compileSsrfPolicy(options);
  const maxRedirects = Math.min(Math.max(0, options.maxRedirects ?? MAX_REDIRECTS), MAX_REDIRECTS);
  const dispatcher = new Agent({
    factory: (origin, opts) => new Pool(origin, { ...opts, connect: createGuardedConnector(policy, options.connect) }),
  });

  async function send(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, redirect: 'manual', dispatcher });
    } catch (error) {
      throw blockedCause(error) ?? error;
    }
  }

  async function guardedFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const mode = init.redirect ?? 'follow';
    let url = await policy.checkUrl(String(input));
    let request = init;
    for (let hop = 0; ; hop += 1) {
      const response = await send(url, request);
      const location = isRedirectStatus(response.status) ? response.headers.get('location') : null;
      if (location === null || mode === 'manual') return response;
      await response.body?.cancel();
      if (mode === 'error') throw new TypeError(`redirect refused: redirect mode is "error"`);
      if (hop >= maxRedirects) throw new SSRFBlockedError(`too many redirects (more than ${maxRedirects})`);
      const next = await nextHop(policy, location, url);
      request = redirectRequest(request, response.status, url, next);
      url = next;
    }
  }

  return Object.assign(guardedFetch, { dispatcher, close: () => dispatcher.close() });
}
