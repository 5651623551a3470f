import type { Actor } from '@mcp-registry/api';
import type { Logger, McpServerRecord } from '@mcp-registry/data-schemas';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Request id (from a sane X-Request-Id header, else generated); echoed in the response and error bodies. */
      id: string;
      /** The request's logger: the shared one with requestId (and userId once authenticated). */
      log: Logger;
      /** The authenticated caller; set by requireJwtAuth. Read it with actorOf(req). */
      actor?: Actor;
      /** Effective ACL bits on the catalog server named by the route, set by canAccessMcpServer. */
      resourceBits?: number;
      /** The catalog server named by the route, loaded and authorised by canAccessMcpServer. */
      mcpServer?: McpServerRecord;
    }
  }
}

export {};
