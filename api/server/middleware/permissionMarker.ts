import type { RequestHandler } from 'express';

/** Marks a handler as the permission decision of a route; the start-up assertion looks for it (deny by default). */
export const PERMISSION_CHECK = Symbol.for('mcp-registry.permissionCheck');

export type PermissionCheck = RequestHandler & { [PERMISSION_CHECK]: string };

export function markPermissionCheck(handler: RequestHandler, description: string): PermissionCheck {
  return Object.assign(handler, { [PERMISSION_CHECK]: description });
}

export function isPermissionCheck(handler: unknown): boolean {
  return typeof handler === 'function' && PERMISSION_CHECK in handler;
}

/** For routes anyone may call (login, health). Says so explicitly, so it is a decision and not an omission. */
export const publicRoute = markPermissionCheck((_req, _res, next) => next(), 'public');

/** For routes every authenticated caller may use on their own data (GET /api/user). Put after requireJwtAuth. */
export const anyAuthenticated = markPermissionCheck((req, _res, next) => {
  if (!req.actor) throw new Error('anyAuthenticated used without requireJwtAuth before it');
  next();
}, 'authenticated');
