import { Headers, type RequestInit } from 'undici';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

function isStreamed(body: RequestInit['body']): boolean {
  if (body === null || body === undefined || typeof body !== 'object') return false;
  return Symbol.asyncIterator in body || 'getReader' in body;
}

/**
 * The request for the next hop, as the fetch standard builds it: 303 (and 301/302 after POST) becomes a GET
 * without body, and credentials never follow a redirect to another origin — the MCP transports send bearer
 * tokens that must not leak to wherever a server points us.
 */
export function redirectRequest(init: RequestInit, status: number, from: URL, to: URL): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  const next: RequestInit = { ...init, headers };
  const becomesGet = (status === 303 && method !== 'GET' && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST');
  if (becomesGet) {
    next.method = 'GET';
    next.body = null;
    for (const name of BODY_HEADERS) headers.delete(name);
  } else if (isStreamed(init.body)) {
    throw new TypeError('cannot follow a redirect that must resend a streamed request body');
  }
  if (from.origin !== to.origin) {
    for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  }
  return next;
}
