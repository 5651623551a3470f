import type { Actor } from '@mcp-registry/api';
import type { Logger, McpServerRecord } from '@mcp-registry/data-schemas';
import type { ValidatedInput } from './middleware/validate';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Request id (from a sane X-Request-Id header, else generated); echoed in the response and error bodies. */
      id: string;
      /** The request's logger: the shared one with requestId (and userId once known). */
      log: Logger;
      /** The authenticated caller; set by requireJwtAuth. Read it with actorOf(req). */
      actor?: Actor;
      /** Effective ACL bits on the resource named by the route, set by canAccessResource. */
      resourceBits?: number;
      /** The catalog server named by the route, loaded and authorised by canAccessMcpServer. */
      mcpServer?: McpServerRecord;
      /** What the route's validation chains accepted, per location; set by validate. Read it with validInput(). */
      validated?: ValidatedInput;
    }
  }
}

export {};
