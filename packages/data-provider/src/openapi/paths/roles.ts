import { permissionsByType, permissionTypeList, ROLE_NAME_PATTERN } from '../../permissions';
import { bearer, body, dateTime, errors, json, objectId, pathParam, ref } from '../helpers';
import type { JsonSchema, OpenApiModule } from '../types';

const permissionMap = (type: keyof typeof permissionsByType): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(permissionsByType[type].map((p) => [p, { type: 'boolean' }])),
});

const rolePermissions: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(permissionTypeList.map((t) => [t, permissionMap(t)])),
};

const roleName = { type: 'string', pattern: ROLE_NAME_PATTERN.source } as const;
const role = {
  type: 'object',
  required: ['name', 'organizationId', 'permissions', 'system', 'createdAt', 'updatedAt'],
  properties: {
    name: roleName,
    organizationId: objectId,
    permissions: ref('RolePermissions'),
    system: { type: 'boolean', description: 'ADMIN and USER are system roles' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const tags = ['roles'];
const roleNameParam = pathParam('name', 'Role name, e.g. USER', roleName);

export const rolePaths: OpenApiModule = {
  tag: { name: 'roles', description: 'Roles and their permissions (admin)' },
  schemas: {
    Role: role,
    RolePermissions: rolePermissions,
    RoleList: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: ref('Role') } } },
    CreateRole: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: roleName, permissions: ref('RolePermissions') },
    },
    PermissionMap: {
      type: 'object',
      description: 'Permission name → granted; only the permissions of the path’s permission type',
      additionalProperties: { type: 'boolean' },
    },
  },
  paths: {
    '/api/roles': {
      get: {
        summary: 'List the organisation’s roles',
        operationId: 'listRoles',
        tags,
        security: bearer,
        'x-permission': 'ROLES:READ',
        responses: { '200': json(ref('RoleList')), ...errors(403) },
      },
      post: {
        summary: 'Create a custom role',
        operationId: 'createRole',
        tags,
        security: bearer,
        'x-permission': 'ROLES:CREATE',
        requestBody: body(ref('CreateRole')),
        responses: { '201': json(ref('Role'), 'Created'), ...errors(403, 409) },
      },
    },
    '/api/roles/{name}': {
      get: {
        summary: 'Get a role',
        operationId: 'getRole',
        tags,
        security: bearer,
        'x-permission': 'ROLES:READ',
        parameters: [roleNameParam],
        responses: { '200': json(ref('Role')), ...errors(403, 404) },
      },
    },
    '/api/roles/{name}/{permissionType}': {
      put: {
        summary: 'Set the permissions of one permission type (named permissions only; others are kept)',
        operationId: 'setRolePermissions',
        tags,
        security: bearer,
        'x-permission': 'ROLES:UPDATE',
        parameters: [roleNameParam, pathParam('permissionType', 'The permission type to change', { type: 'string', enum: permissionTypeList })],
        requestBody: body(ref('PermissionMap')),
        responses: { '200': json(ref('Role')), ...errors(403, 404, 409) },
      },
    },
  },
};
