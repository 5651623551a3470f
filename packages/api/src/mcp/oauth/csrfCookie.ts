import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `oauth_csrf` cookie value for a flow: an HMAC of its id, so only the browser that started it has it. */
export function csrfTokenFor(key: Buffer, flowId: string): string {
  return createHmac('sha256', key).update(`mcp-oauth-csrf:${flowId}`).digest('base64url');
}

/** Constant-time comparison of the presented cookie with the flow's expected value. */
export function isValidCsrfToken(key: Buffer, flowId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(key, flowId));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
