import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { CreateInstallationInput, ListInstallationsQuery, UpdateInstallationInput } from '@mcp-registry/data-provider';
import { toInstallationDto } from '@mcp-registry/api';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { listBody } from './listBody';

export function installationController({ installations }: Services) {
  return {
    list: async (req: Request, res: Response) => {
      const query = matchedData(req, { locations: ['query'] }) as ListInstallationsQuery;
      res.json(listBody(await installations.list(actorOf(req), query), toInstallationDto));
    },
    create: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as CreateInstallationInput;
      const result = await installations.install(actorOf(req), input);
      res.status(result.created ? 201 : 200).json(toInstallationDto(result.installation));
    },
    get: async (req: Request, res: Response) => {
      res.json(toInstallationDto(await installations.get(actorOf(req), String(req.params.id))));
    },
    update: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as UpdateInstallationInput;
      res.json(toInstallationDto(await installations.update(actorOf(req), String(req.params.id), input)));
    },
    remove: async (req: Request, res: Response) => {
      await installations.remove(actorOf(req), String(req.params.id));
      res.status(204).end();
    },
  };
}
