import type { Request, Response } from 'express';
import { matchedData } from 'express-validator';
import type { McpCallToolInput, McpInspectInput, UpdateMcpAuthValuesInput } from '@mcp-registry/data-provider';
import type { Services } from '@mcp-registry/api';
import { actorOf } from '../middleware/actorOf';
import { setOAuthCsrfCookie } from './mcpOAuthCookie';

/** `/api/mcp` connection routes and the installation inspector. */
export function mcpConnectionController({ mcp }: Services, publicUrl: string) {
  return {
    tools: async (req: Request, res: Response) => {
      res.json(await mcp.listTools(actorOf(req)));
    },
    status: async (req: Request, res: Response) => {
      res.json(await mcp.status(actorOf(req)));
    },
    serverStatus: async (req: Request, res: Response) => {
      res.json(await mcp.serverStatus(actorOf(req), String(req.params.serverName)));
    },
    reinitialize: async (req: Request, res: Response) => {
      const { response, csrfToken } = await mcp.reinitialize(actorOf(req), String(req.params.serverName));
      if (csrfToken) setOAuthCsrfCookie(res, publicUrl, csrfToken);
      res.json(response);
    },
    getAuthValues: async (req: Request, res: Response) => {
      res.json(await mcp.getAuthValues(actorOf(req), String(req.params.serverName)));
    },
    updateAuthValues: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as UpdateMcpAuthValuesInput;
      res.json(await mcp.updateAuthValues(actorOf(req), String(req.params.serverName), input.values));
    },
    callTool: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as McpCallToolInput;
      res.json(await mcp.callTool(actorOf(req), String(req.params.serverName), String(req.params.toolName), input.arguments ?? {}));
    },
    inspect: async (req: Request, res: Response) => {
      const input = matchedData(req, { locations: ['body'] }) as McpInspectInput;
      res.json(await mcp.inspect(actorOf(req), String(req.params.id), input));
    },
  };
}
