import type { Request, Response } from 'express';
import type { CreateMcpServerInput, ListMcpServersQuery, UpdateMcpServerInput } from '@mcp-registry/data-provider';
import { toMcpServerDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { mcpServerOf } from '../middleware/canAccessMcpServer';
import { validInput } from '../middleware/validate';
import { sendList } from './listBody';

export function mcpServerController({ mcpServers }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = validInput<ListMcpServersQuery>(req, 'query');
      sendList(res, await mcpServers.list(actorOf(req), query), toMcpServerDto);
    },
    create: async (req: Request, res: Response) => {
      const input = validInput<CreateMcpServerInput>(req, 'body');
      res.status(201).json(toMcpServerDto(await mcpServers.create(actorOf(req), input)));
    },
    get: (req: Request, res: Response) => {
      res.json(toMcpServerDto(mcpServerOf(req)));
    },
    update: async (req: Request, res: Response) => {
      const input = validInput<UpdateMcpServerInput>(req, 'body');
      res.json(toMcpServerDto(await mcpServers.update(actorOf(req), mcpServerOf(req), input)));
    },
    remove: async (req: Request, res: Response) => {
      const { force } = validInput<{ force?: string }>(req, 'query');
      await mcpServers.remove(actorOf(req), mcpServerOf(req), { force: force === 'true' });
      res.status(204).end();
    },
  };
}
