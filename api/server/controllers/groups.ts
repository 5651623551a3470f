import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { AddGroupMemberInput, CreateGroupInput, UpdateGroupInput } from '@mcp-registry/data-provider';
import { toGroupDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { listBody } from './listBody';

export function groupController({ groups }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = matchedData(req, { locations: ['query'] }) as { limit?: number; after?: string; search?: string };
      res.json(listBody(await groups.list(actorOf(req), query), toGroupDto));
    },
    create: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as CreateGroupInput;
      res.status(201).json(toGroupDto(await groups.create(actorOf(req), input)));
    },
    get: async (req: Request, res: Response) => {
      res.json(toGroupDto(await groups.get(actorOf(req), String(req.params.id))));
    },
    update: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as UpdateGroupInput;
      res.json(toGroupDto(await groups.update(actorOf(req), String(req.params.id), input)));
    },
    remove: async (req: Request, res: Response) => {
      await groups.remove(actorOf(req), String(req.params.id));
      res.status(204).end();
    },
    addMember: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as AddGroupMemberInput;
      res.json(toGroupDto(await groups.addMember(actorOf(req), String(req.params.id), input)));
    },
    removeMember: async (req: Request, res: Response) => {
      res.json(toGroupDto(await groups.removeMember(actorOf(req), String(req.params.id), String(req.params.userId))));
    },
  };
}
