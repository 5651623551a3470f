import type { Express } from 'express';
import { isPermissionCheck } from './middleware/permissionMarker';

export interface MountedRoute {
  method: string;
  /** Express path, e.g. `/api/users/:id`. */
  path: string;
  guarded: boolean;
}

interface LayerLike {
  rawPath?: unknown;
  handle?: { stack?: LayerLike[] } & ((...args: never[]) => unknown);
  route?: { path: unknown; methods: Record<string, boolean>; stack: Array<{ handle: unknown }> };
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

function walk(stack: LayerLike[], prefix: string, out: MountedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const path = join(prefix, String(layer.route.path));
      const guarded = layer.route.stack.some((l) => isPermissionCheck(l.handle));
      for (const method of Object.keys(layer.route.methods)) out.push({ method: method.toUpperCase(), path, guarded });
      continue;
    }
    const sub = layer.handle?.stack;
    if (Array.isArray(sub)) walk(sub, join(prefix, typeof layer.rawPath === 'string' ? layer.rawPath : ''), out);
  }
}

/** Every route mounted on the app, found by walking Express's router (not a hand-kept list). */
export function listMountedRoutes(app: Express): MountedRoute[] {
  const out: MountedRoute[] = [];
  walk((app.router as unknown as { stack: LayerLike[] }).stack, '', out);
  return out;
}

/** Deny by default: a route without a permission decision (can, canAccessMcpServer, publicRoute…) stops start-up. */
export function assertEveryRouteGuarded(app: Express): void {
  const unguarded = listMountedRoutes(app).filter((r) => !r.guarded);
  if (unguarded.length === 0) return;
  const names = unguarded.map((r) => `${r.method} ${r.path}`).join(', ');
  throw new Error(`Routes without a permission check: ${names}`);
}

/** `/api/users/:id` → `/api/users/{id}` */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
