import type { CookieOptions, Request, Response } from 'express';
import { matchedData } from 'express-validator';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '@mcp-registry/data-provider';
import type { AppConfig, LoginInput, LoginResponse } from '@mcp-registry/data-provider';
import { toUserDto } from '@mcp-registry/api';
import type { Services, SessionTokens } from '@mcp-registry/api';

function cookieOptions(config: AppConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.env === 'production', path: REFRESH_COOKIE_PATH };
}

function refreshCookieOf(req: Request): string | undefined {
  const cookies = req.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[REFRESH_COOKIE_NAME];
  return typeof value === 'string' ? value : undefined;
}

export function authController({ auth }: Services, config: AppConfig) {
  function sendSession(res: Response, session: SessionTokens): void {
    res.cookie(REFRESH_COOKIE_NAME, session.refreshToken, { ...cookieOptions(config), expires: session.refreshExpiresAt });
    const body: LoginResponse = { token: session.token, user: toUserDto(session.user) };
    res.json(body);
  }
  return {
    login: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as LoginInput;
      sendSession(res, await auth.login(input, { requestId: req.id }));
    },
    refresh: async (req: Request, res: Response) => {
      sendSession(res, await auth.refresh(refreshCookieOf(req)));
    },
    logout: async (req: Request, res: Response) => {
      await auth.logout(refreshCookieOf(req));
      res.clearCookie(REFRESH_COOKIE_NAME, cookieOptions(config));
      res.status(204).end();
    },
  };
}
