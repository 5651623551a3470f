import type { NextFunction, Request, Response } from 'express';
import type { ResourceType } from '@mcp-registry/data-provider';
import { checkResourceAccess, UnauthenticatedError } from '@mcp-registry/api';
import type { AclStore } from '@mcp-registry/api';
import { markPermissionCheck } from './permissionMarker';
import type { PermissionCheck } from './permissionMarker';

export interface ResourceAccessOptions {
  resourceType: ResourceType;
  /** PermissionBits needed (VIEW is always needed: without it the answer is 404). */
  required: number;
  /** For the 404 message, e.g. 'MCP server'. */
  label: string;
  /** Route parameter holding the resource id (validated as an ObjectId before this runs). */
  idParam?: string;
}

export type CanAccessResource = (options: ResourceAccessOptions) => PermissionCheck;

/** Builds `canAccessResource({ resourceType, required, label })` over an ACL store; sets `req.resourceBits`. */
export function createCanAccessResource(store: AclStore): CanAccessResource {
  return (options) => {
    const idParam = options.idParam ?? 'id';
    async function canAccessResource(req: Request, _res: Response, next: NextFunction): Promise<void> {
      if (!req.actor) return next(new UnauthenticatedError());
      const resourceId = String(req.params[idParam]);
      req.resourceBits = await checkResourceAccess(store, req.actor, { ...options, resourceId });
      next();
    }
    return markPermissionCheck(canAccessResource, `acl:${options.resourceType}:${options.required}`);
  };
}
