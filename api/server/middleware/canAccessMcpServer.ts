import type { NextFunction, Request, Response } from 'express';
import type { Services } from '@mcp-registry/api';
import type { McpServerRecord } from '@mcp-registry/data-schemas';
import { actorOf } from './actorOf';
import { markPermissionCheck } from './permissionMarker';
import type { PermissionCheck } from './permissionMarker';

export type CanAccessMcpServer = (required: number, by?: 'serverName' | 'serverId') => PermissionCheck;

/**
 * The catalog's resource check: loads the server named by `:serverName` (or `:serverId`) in the caller's
 * organisation and requires the ACL bits (404 when invisible, 403 when visible but not allowed or managed in the
 * configuration file). Sets `req.mcpServer` and `req.resourceBits`.
 */
export function createCanAccessMcpServer({ mcpServers }: Services): CanAccessMcpServer {
  return (required, by = 'serverName') => {
    async function canAccessMcpServer(req: Request, _res: Response, next: NextFunction): Promise<void> {
      const value = String(req.params[by]);
      const ref = by === 'serverName' ? { serverName: value } : { serverId: value };
      const { server, bits } = await mcpServers.authorize(actorOf(req), ref, required);
      req.mcpServer = server;
      req.resourceBits = bits;
      next();
    }
    return markPermissionCheck(canAccessMcpServer, `acl:mcpServer:${required}`);
  };
}

/** The server canAccessMcpServer loaded for this request. */
export function mcpServerOf(req: Request): McpServerRecord {
  if (!req.mcpServer) throw new Error('mcpServerOf used on a route without canAccessMcpServer');
  return req.mcpServer;
}
