import { body, param } from 'express-validator';
import type { Meta } from 'express-validator';
import { Permissions, permissionsByType, permissionTypeList, ROLE_NAME_PATTERN } from '@mcp-registry/data-provider';
import type { Permission, PermissionType } from '@mcp-registry/data-provider';

const roleNameParam = () => param('name').matches(ROLE_NAME_PATTERN).withMessage('Must be an upper-case role name such as USER');

const isPermissionType = (v: unknown): v is PermissionType => typeof v === 'string' && (permissionTypeList as string[]).includes(v);

/** `{ USE: true, CREATE: false }` with only the permissions that exist for `type`. */
function assertPermissionMap(value: unknown, type: PermissionType): true {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Must be an object of booleans');
  const allowed = permissionsByType[type] as readonly string[];
  for (const [key, v] of Object.entries(value)) {
    if (!allowed.includes(key)) throw new Error(`Unknown permission "${key}" for ${type}; allowed: ${allowed.join(', ')}`);
    if (typeof v !== 'boolean') throw new Error(`${key} must be true or false`);
  }
  return true;
}

export const roleNameRules = [roleNameParam()];

export const createRoleRules = [
  body('name').exists().withMessage('Required').bail().isString().matches(ROLE_NAME_PATTERN).withMessage('Upper-case letters, digits and _, 2 to 32 characters'),
  body('permissions')
    .optional()
    .custom((value: unknown) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Must be an object');
      for (const [type, map] of Object.entries(value)) {
        if (!isPermissionType(type)) throw new Error(`Unknown permission type "${type}"`);
        assertPermissionMap(map, type);
      }
      return true;
    }),
];

function allowedFor(p: Permission, req: Meta['req']): true {
  const type = (req.params as Record<string, string> | undefined)?.permissionType;
  if (!isPermissionType(type)) return true;
  if (!(permissionsByType[type] as readonly string[]).includes(p)) throw new Error(`Not a permission of ${type}; allowed: ${permissionsByType[type].join(', ')}`);
  return true;
}

/** The body of PUT /api/roles/:name/:permissionType is the permission map itself; other names are unknown fields. */
export const setRolePermissionsRules = [
  roleNameParam(),
  param('permissionType').isIn(permissionTypeList).withMessage(`One of ${permissionTypeList.join(', ')}`),
  ...Object.values(Permissions).map((p) =>
    body(p)
      .optional()
      .isBoolean({ strict: true })
      .withMessage('Must be true or false')
      .bail()
      .custom((_v: unknown, { req }: Meta) => allowedFor(p, req)),
  ),
];
