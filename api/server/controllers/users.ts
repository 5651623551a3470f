import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { CallerPermissions, CreateUserInput, ListUsersQuery, UpdateUserInput } from '@mcp-registry/data-provider';
import { toUserDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { listBody } from './listBody';

export function userController({ users }: Services) {
  return {
    me: (req: Request, res: Response) => {
      res.json(actorOf(req).user);
    },
    permissions: (req: Request, res: Response) => {
      const { role, permissions } = actorOf(req);
      res.json({ role, permissions } satisfies CallerPermissions);
    },
    list: async (req: Request, res: Response) => {
      const query = matchedData(req, { locations: ['query'] }) as ListUsersQuery;
      res.json(listBody(await users.list(actorOf(req), query), toUserDto));
    },
    create: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as CreateUserInput;
      res.status(201).json(toUserDto(await users.create(actorOf(req), input)));
    },
    get: async (req: Request, res: Response) => {
      res.json(toUserDto(await users.get(actorOf(req), String(req.params.id))));
    },
    update: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as UpdateUserInput;
      res.json(toUserDto(await users.update(actorOf(req), String(req.params.id), input)));
    },
    remove: async (req: Request, res: Response) => {
      await users.remove(actorOf(req), String(req.params.id));
      res.status(204).end();
    },
  };
}
