import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { CreateMcpServerInput, ListMcpServersQuery, UpdateMcpServerInput } from '@mcp-registry/data-provider';
import { toMcpServerDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { mcpServerOf } from '../middleware/canAccessMcpServer';
import { listBody } from './listBody';

export function mcpServerController({ mcpServers }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = matchedData(req, { locations: ['query'] }) as ListMcpServersQuery;
      res.json(listBody(await mcpServers.list(actorOf(req), query), toMcpServerDto));
    },
    create: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as CreateMcpServerInput;
      res.status(201).json(toMcpServerDto(await mcpServers.create(actorOf(req), input)));
    },
    get: (req: Request, res: Response) => {
      res.json(toMcpServerDto(mcpServerOf(req)));
    },
    update: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as UpdateMcpServerInput;
      res.json(toMcpServerDto(await mcpServers.update(actorOf(req), mcpServerOf(req), input)));
    },
    remove: async (req: Request, res: Response) => {
      const { force } = matchedData(req, { locations: ['query'] }) as { force?: boolean };
      await mcpServers.remove(actorOf(req), mcpServerOf(req), { force: force === true });
      res.status(204).end();
    },
  };
}
