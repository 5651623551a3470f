import type { SsrfOptions } from './types';
import { compileSsrfPolicy } from './ssrfPolicy';

/**
 * Resolves with the parsed URL when the SSRF policy allows it, rejects with SSRFBlockedError otherwise.
 * A check before connecting cannot stop DNS rebinding: fetch through createGuardedFetch, which checks again.
 */
export async function assertSafeOutboundUrl(url: string, options?: SsrfOptions): Promise<URL> {
  return compileSsrfPolicy(options).checkUrl(url);
}
