import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { gatewayController } from '../controllers/gateway';
import { can } from '../middleware/checkAccess';
import { gatewayOriginGuard } from '../middleware/gatewayOriginGuard';
import { validate } from '../middleware/validate';
import {
  gatewayEndRules,
  gatewayPostRules,
  gatewayServerEndRules,
  gatewayServerPostRules,
  gatewayServerStreamRules,
  gatewayStreamRules,
} from '../validation/gateway';
import type { RouteDeps } from './routeDeps';

const { MCP_SERVERS } = PermissionTypes;
const P = Permissions;

/**
 * The MCP gateway, mounted at `/mcp`: Streamable HTTP (POST messages, GET the server's stream, DELETE the session)
 * for every server installed for the caller, or one server's tools at `/mcp/:serverName`.
 */
export function gatewayRoutes({ auth, services, config, gatewayLimiter: limit }: RouteDeps): Router {
  const c = gatewayController(services);
  const origin = gatewayOriginGuard(config);
  const r = Router();
  r.post('/', origin, auth, can(MCP_SERVERS, P.USE), limit, validate(gatewayPostRules), c.handle);
  r.get('/', origin, auth, can(MCP_SERVERS, P.USE), limit, validate(gatewayStreamRules), c.handle);
  r.delete('/', origin, auth, can(MCP_SERVERS, P.USE), limit, validate(gatewayEndRules), c.handle);
  r.post('/:serverName', origin, auth, can(MCP_SERVERS, P.USE), limit, validate(gatewayServerPostRules), c.handle);
  r.get('/:serverName', origin, auth, can(MCP_SERVERS, P.USE), limit, validate(gatewayServerStreamRules), c.handle);
  r.delete('/:serverName', origin, auth, can(MCP_SERVERS, P.USE), limit, validate(gatewayServerEndRules), c.handle);
  return r;
}
