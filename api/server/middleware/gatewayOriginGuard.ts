import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppConfig } from '@mcp-registry/data-provider';
import { ForbiddenError } from '@mcp-registry/api';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function hostnameOf(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
}

function originOf(url: string | undefined): string[] {
  return url ? [new URL(url).origin] : [];
}

/**
 * DNS-rebinding protection for `/mcp` (MCP transport security): the Host header must name this service (its public
 * URL, its listen host, loopback, or `gateway.allowedHosts`), and a browser's Origin must be one the operator allowed.
 */
export function gatewayOriginGuard(config: AppConfig): RequestHandler {
  const { server, gateway } = config;
  const hosts = new Set([...LOOPBACK_HOSTS, server.host, ...gateway.allowedHosts, ...(server.publicUrl ? [new URL(server.publicUrl).hostname] : [])].map((h) => h.toLowerCase()));
  const origins = new Set([...gateway.allowedOrigins, ...originOf(server.publicUrl), ...originOf(server.clientUrl)]);
  return function checkGatewayOrigin(req: Request, _res: Response, next: NextFunction): void {
    const host = req.headers.host;
    if (!host || !hosts.has(hostnameOf(host).toLowerCase())) return next(new ForbiddenError('Host not allowed for the MCP gateway'));
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return next(new ForbiddenError('Origin not allowed for the MCP gateway'));
    next();
  };
}
