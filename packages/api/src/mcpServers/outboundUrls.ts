import { ErrorCode } from '@mcp-registry/data-provider';
import type { PlainMcpServerConfig } from '@mcp-registry/data-schemas';
import { ApiError } from '../errors/apiError';
import { assertSafeOutboundUrl } from '../ssrf/assertSafeOutboundUrl';
import { SSRFBlockedError } from '../ssrf/ssrfBlockedError';
import type { SsrfOptions } from '../ssrf/types';

/** The URLs of a configuration the service will call, by request field. */
export function outboundUrls(config: PlainMcpServerConfig | undefined): Map<string, string> {
  const urls = new Map<string, string>();
  if (!config) return urls;
  if (config.url) urls.set('config.url', config.url);
  const { oauth } = config;
  if (oauth?.authorization_url) urls.set('config.oauth.authorization_url', oauth.authorization_url);
  if (oauth?.token_url) urls.set('config.oauth.token_url', oauth.token_url);
  if (oauth?.revocation_endpoint) urls.set('config.oauth.revocation_endpoint', oauth.revocation_endpoint);
  return urls;
}

/**
 * Runs the SSRF guard on every outbound URL of `next` that is new (not in `previous`); the first refusal is a
 * 400 SSRF_BLOCKED naming the field. Nothing is fetched: a create works offline.
 */
export async function assertSafeServerUrls(
  ssrf: SsrfOptions,
  next: PlainMcpServerConfig,
  previous?: PlainMcpServerConfig,
): Promise<void> {
  const before = outboundUrls(previous);
  for (const [field, url] of outboundUrls(next)) {
    if (before.get(field) === url) continue;
    try {
      await assertSafeOutboundUrl(url, ssrf);
    } catch (error) {
      if (!(error instanceof SSRFBlockedError)) throw error;
      throw new ApiError(400, ErrorCode.SsrfBlocked, `${field}: ${error.reason}`, [{ field, location: 'body', message: error.reason }]);
    }
  }
}
