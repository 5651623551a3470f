import { permissionsByType, permissionTypeList } from '../../permissions';
import { bearer, body, dateTime, errors, json, objectId, pathString, ref } from '../helpers';
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

const role = {
  type: 'object',
  required: ['name', 'organizationId', 'permissions', 'system', 'createdAt', 'updatedAt'],
  properties: {
    name: { type: 'string' },
    organizationId: objectId,
    permissions: ref('RolePermissions'),
    system: { type: 'boolean', description: 'ADMIN and USER are system roles' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const tags = ['roles'];
const roleName = pathString('name', 'Role name, e.g. USER');

export const rolePaths: OpenApiModule = {
  tag: { name: 'roles', description: 'Roles and their permissions (admin)' },
  schemas: { Role: role, RolePermissions: rolePermissions },
  paths: {
    '/api/roles': {
      get: {
        summary: 'List the organisation’s roles',
        tags,
        security: bearer,
        'x-permission': 'ROLES:READ',
        responses: { '200': json({ type: 'object', properties: { data: { type: 'array', items: ref('Role') } } }), ...errors(401, 403) },
      },
      post: {
        summary: 'Create a custom role',
        tags,
        security: bearer,
        'x-permission': 'ROLES:CREATE',
        requestBody: body({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,31}$' }, permissions: ref('RolePermissions') },
        }),
        responses: { '201': json(ref('Role'), 'Created'), ...errors(400, 401, 403, 409) },
      },
    },
    '/api/roles/{name}': {
      get: {
        summary: 'Get a role',
        tags,
        security: bearer,
        'x-permission': 'ROLES:READ',
        parameters: [roleName],
        responses: { '200': json(ref('Role')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/roles/{name}/{permissionType}': {
      put: {
        summary: 'Set the permissions of one permission type (named permissions only; others are kept)',
        tags,
        security: bearer,
        'x-permission': 'ROLES:UPDATE',
        parameters: [roleName, pathString('permissionType', `One of ${permissionTypeList.join(', ')}`)],
        requestBody: body({ type: 'object', additionalProperties: { type: 'boolean' } }),
        responses: { '200': json(ref('Role')), ...errors(400, 401, 403, 404, 409) },
      },
    },
  },
};
