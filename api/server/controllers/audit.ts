import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import { toAuditEntryDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { listBody } from './listBody';

export function auditController({ audit }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = matchedData(req, { locations: ['query'] }) as { limit?: number; after?: string; action?: string; actorId?: string };
      res.json(listBody(await audit.list(actorOf(req), query), toAuditEntryDto));
    },
  };
}
