import type { Request, Response } from 'express';
import type { UpdateResourcePermissionsInput } from '@mcp-registry/data-provider';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { mcpServerOf } from '../middleware/canAccessMcpServer';
import { validInput } from '../middleware/validate';

export function mcpServerPermissionController({ mcpServers }: Services) {
  return {
    get: async (req: Request, res: Response) => {
      res.json(await mcpServers.getSharing(mcpServerOf(req)));
    },
    update: async (req: Request, res: Response) => {
      const input = validInput<UpdateResourcePermissionsInput>(req, 'body');
      res.json(await mcpServers.updateSharing(actorOf(req), mcpServerOf(req), input));
    },
  };
}
