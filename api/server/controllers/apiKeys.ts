import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { CreateApiKeyInput, CreatedApiKeyDto } from '@mcp-registry/data-provider';
import { toApiKeyDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { listBody } from './listBody';

export function apiKeyController({ apiKeys }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = matchedData(req, { locations: ['query'] }) as { userId?: string; limit?: number; after?: string };
      res.json(listBody(await apiKeys.list(actorOf(req), query), toApiKeyDto));
    },
    create: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as CreateApiKeyInput;
      const { apiKey, key } = await apiKeys.create(actorOf(req), input);
      const body: CreatedApiKeyDto = { ...toApiKeyDto(apiKey), key };
      res.status(201).json(body);
    },
    revoke: async (req: Request, res: Response) => {
      await apiKeys.revoke(actorOf(req), String(req.params.id));
      res.status(204).end();
    },
  };
}
