import type { Request, Response } from 'express';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from '@mcp-registry/data-provider';
import { toUserDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { validInput } from '../middleware/validate';
import { listBody } from './listBody';
import { sendJson } from './sendJson';

export function userController({ users }: Services) {
  return {
    me: (req: Request, res: Response) => {
      sendJson(req, res, actorOf(req).user);
    },
    list: async (req: Request, res: Response) => {
      const query = validInput<ListUsersQuery>(req, 'query');
      res.json(listBody(await users.list(actorOf(req), query), toUserDto));
    },
    create: async (req: Request, res: Response) => {
      const input = validInput<CreateUserInput>(req, 'body');
      res.status(201).json(toUserDto(await users.create(actorOf(req), input)));
    },
    get: async (req: Request, res: Response) => {
      res.json(toUserDto(await users.get(actorOf(req), String(req.params.id))));
    },
    update: async (req: Request, res: Response) => {
      const input = validInput<UpdateUserInput>(req, 'body');
      res.json(toUserDto(await users.update(actorOf(req), String(req.params.id), input)));
    },
    remove: async (req: Request, res: Response) => {
      await users.remove(actorOf(req), String(req.params.id));
      res.status(204).end();
    },
  };
}
