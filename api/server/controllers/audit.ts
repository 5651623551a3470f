import type { Request, Response } from 'express';
import { toAuditEntryDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { validInput } from '../middleware/validate';
import { sendList } from './listBody';

export function auditController({ audit }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = validInput<{ limit?: number; after?: string; action?: string; actorId?: string }>(req, 'query');
      sendList(res, await audit.list(actorOf(req), query), toAuditEntryDto);
    },
  };
}
