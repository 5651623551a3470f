import type { Request, Response } from 'express';
import type { CreateApiKeyInput, CreatedApiKeyDto } from '@mcp-registry/data-provider';
import { toApiKeyDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { validInput } from '../middleware/validate';
import { sendList } from './listBody';

export function apiKeyController({ apiKeys }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = validInput<{ userId?: string; limit?: number; after?: string }>(req, 'query');
      sendList(res, await apiKeys.list(actorOf(req), query), toApiKeyDto);
    },
    create: async (req: Request, res: Response) => {
      const input = validInput<CreateApiKeyInput>(req, 'body');
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
