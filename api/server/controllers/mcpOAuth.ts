import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { McpOAuthInitiateResponse } from '@mcp-registry/data-provider';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { clearOAuthCsrfCookie, oauthCallbackParams, oauthCsrfCookieOf, setOAuthCsrfCookie } from './mcpOAuthCookie';

export function mcpOAuthController({ mcpOAuth, mcp }: Services, publicUrl: string) {
  return {
    initiate: async (req: Request, res: Response) => {
      const { authorizationUrl, flowId, csrfToken } = await mcpOAuth.initiate(actorOf(req), String(req.params.serverName));
      setOAuthCsrfCookie(res, publicUrl, csrfToken);
      res.json({ authorizationUrl, flowId } satisfies McpOAuthInitiateResponse);
    },
    callback: async (req: Request, res: Response) => {
      const result = await mcpOAuth.callback({ serverName: String(req.params.serverName), ...oauthCallbackParams(req), csrfToken: oauthCsrfCookieOf(req) });
      if (result.clearCookie) clearOAuthCsrfCookie(res, publicUrl);
      res.redirect(302, result.redirectUrl);
    },
    status: async (req: Request, res: Response) => {
      res.json(await mcpOAuth.status(actorOf(req), String(req.params.flowId)));
    },
    cancel: async (req: Request, res: Response) => {
      const { flowId } = matchedData(req, { locations: ['body'] }) as { flowId?: string };
      res.json(await mcpOAuth.cancel(actorOf(req), String(req.params.serverName), flowId));
    },
    disconnect: async (req: Request, res: Response) => {
      await mcp.signOut(actorOf(req), String(req.params.serverName));
      res.status(204).end();
    },
  };
}
