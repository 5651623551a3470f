import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { CreateRoleInput, Permission, PermissionType } from '@mcp-registry/data-provider';
import { toRoleDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';

export function roleController({ roles }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      res.json({ data: (await roles.list(actorOf(req))).map(toRoleDto) });
    },
    create: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as CreateRoleInput;
      res.status(201).json(toRoleDto(await roles.create(actorOf(req), input)));
    },
    get: async (req: Request, res: Response) => {
      res.json(toRoleDto(await roles.get(actorOf(req), String(req.params.name))));
    },
    setPermissions: async (req: Request, res: Response) => {
      const type = String(req.params.permissionType) as PermissionType;
      const permissions = matchedData(req, { locations: ['body'] }) as Partial<Record<Permission, boolean>>;
      res.json(toRoleDto(await roles.setPermissions(actorOf(req), String(req.params.name), type, permissions)));
    },
  };
}
