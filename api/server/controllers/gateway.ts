import type { Request, Response } from 'express';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';

/** `/mcp`: the request goes to the caller's gateway session (the SDK transport writes the response). */
export function gatewayController({ gateway }: Services) {
  return {
    handle: async (req: Request, res: Response) => {
      const serverName = req.params.serverName === undefined ? undefined : String(req.params.serverName);
      await gateway.handle({ actor: actorOf(req), serverName, req, res, body: req.body });
    },
  };
}
