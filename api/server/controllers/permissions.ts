import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { UpdateResourcePermissionsInput } from '@mcp-registry/data-provider';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { mcpServerOf } from '../middleware/canAccessMcpServer';

export function mcpServerPermissionController({ mcpServers }: Services) {
  return {
    get: async (req: Request, res: Response) => {
      res.json(await mcpServers.getSharing(mcpServerOf(req)));
    },
    update: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as UpdateResourcePermissionsInput;
      res.json(await mcpServers.updateSharing(actorOf(req), mcpServerOf(req), input));
    },
  };
}
