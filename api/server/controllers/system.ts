import type { Request, Response } from 'express';
import type { RouteDeps } from '../routes/routeDeps';

export function systemController({ isReady, openApiDocument }: Pick<RouteDeps, 'isReady' | 'openApiDocument'>) {
  return {
    health: (_req: Request, res: Response) => {
      res.json({ status: 'ok' });
    },
    ready: async (_req: Request, res: Response) => {
      const ready = await isReady();
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
    },
    openApi: (_req: Request, res: Response) => {
      res.json(openApiDocument);
    },
  };
}
