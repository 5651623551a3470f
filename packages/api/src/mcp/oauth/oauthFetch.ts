import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ApiError, UpstreamUnavailableError } from '../../errors/apiError';
import type { GuardedFetch } from '../../ssrf/guardedFetch';

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : 'network error');
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** The SDK tells a Response from a string with `instanceof Response`: it must be the global class, not undici's. */
function toGlobalResponse(res: Awaited<ReturnType<GuardedFetch>>): Response {
  const body = NULL_BODY_STATUSES.has(res.status) ? null : (res.body as ReadableStream<Uint8Array> | null);
  return new Response(body, { status: res.status, statusText: res.statusText, headers: new Headers([...res.headers]) });
}

/**
 * The SDK's auth helpers take a WHATWG fetch; this hands them the SSRF-guarded one, so every OAuth request
 * (metadata, registration, token, refresh, revocation) is checked. A refused target stays `SSRF_BLOCKED`; a
 * network failure becomes 502 naming the origin.
 */
export function toOAuthFetch(guarded: GuardedFetch): FetchLike {
  return async (url, init) => {
    try {
      return toGlobalResponse(await guarded(url, init as Parameters<GuardedFetch>[1]));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new UpstreamUnavailableError(`Could not reach ${new URL(String(url)).origin}: ${networkReason(error)}`);
    }
  };
}
