import type { CookieOptions, Request, Response } from 'express';
import { MCP_OAUTH_COOKIE_MAX_AGE_MS, MCP_OAUTH_COOKIE_PATH, MCP_OAUTH_CSRF_COOKIE } from '@mcp-registry/data-provider';

/** httpOnly, SameSite=Lax (sent on the authorization server's top-level redirect back), Secure on an https origin. */
export function oauthCookieOptions(publicUrl: string): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: publicUrl.startsWith('https:'), path: MCP_OAUTH_COOKIE_PATH };
}

export function setOAuthCsrfCookie(res: Response, publicUrl: string, token: string): void {
  res.cookie(MCP_OAUTH_CSRF_COOKIE, token, { ...oauthCookieOptions(publicUrl), maxAge: MCP_OAUTH_COOKIE_MAX_AGE_MS });
}

export function clearOAuthCsrfCookie(res: Response, publicUrl: string): void {
  res.clearCookie(MCP_OAUTH_CSRF_COOKIE, oauthCookieOptions(publicUrl));
}

export function oauthCsrfCookieOf(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[MCP_OAUTH_CSRF_COOKIE];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The callback's OAuth response parameters. Others (`iss`, `session_state`, …) are ignored, as RFC 6749 §4.1.2
 * requires of a client; a repeated parameter counts as absent.
 */
export function oauthCallbackParams(req: Request): { code?: string; state?: string; error?: string } {
  const pick = (name: string) => {
    const value = req.query[name];
    return typeof value === 'string' && value.length > 0 && value.length <= 4096 ? value : undefined;
  };
  return { code: pick('code'), state: pick('state'), error: pick('error') };
}
