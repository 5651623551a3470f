import type { NextFunction, Request, Response } from 'express';
import type { Permission, PermissionType } from '@mcp-registry/data-provider';
import { ForbiddenError, hasAllPermissions, UnauthenticatedError } from '@mcp-registry/api';
import { markPermissionCheck } from './permissionMarker';
import type { PermissionCheck } from './permissionMarker';

/**
 * LibreChat's generateCheckAccess: the caller's role (resolved once, at authentication) must grant every listed
 * permission of the type, else 403.
 */
export function generateCheckAccess(input: { permissionType: PermissionType; permissions: Permission[] }): PermissionCheck {
  const { permissionType, permissions } = input;
  function checkAccess(req: Request, _res: Response, next: NextFunction): void {
    if (!req.actor) return next(new UnauthenticatedError());
    if (!hasAllPermissions(req.actor, permissionType, permissions)) return next(new ForbiddenError());
    next();
  }
  return markPermissionCheck(checkAccess, `${permissionType}:${permissions.join('+')}`);
}

/** Short form for route tables: `can(PermissionTypes.USERS, Permissions.READ)`. */
export function can(permissionType: PermissionType, ...permissions: Permission[]): PermissionCheck {
  return generateCheckAccess({ permissionType, permissions });
}
