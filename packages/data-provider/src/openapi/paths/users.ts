import { bearer, body, dateTime, errors, json, listOf, listParams, objectId, pathId, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const user = {
  type: 'object',
  required: ['id', 'organizationId', 'email', 'name', 'role', 'createdAt', 'updatedAt'],
  properties: {
    id: objectId,
    organizationId: objectId,
    email: { type: 'string', format: 'email' },
    name: { type: 'string' },
    role: { type: 'string' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};

export const userPaths: OpenApiModule = {
  tag: { name: 'users', description: 'Users of the caller’s organisation (admin)' },
  schemas: { User: user },
  paths: {
    '/api/users': {
      get: {
        summary: 'List users, newest first',
        tags: ['users'],
        security: bearer,
        'x-permission': 'USERS:READ',
        parameters: [...listParams, { name: 'search', in: 'query', description: 'Prefix of email or name', schema: { type: 'string' } }],
        responses: { '200': json(listOf(ref('User'))), ...errors(400, 401, 403) },
      },
      post: {
        summary: 'Create a user',
        tags: ['users'],
        security: bearer,
        'x-permission': 'USERS:CREATE',
        requestBody: body({
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', format: 'email' },
            name: { type: 'string', maxLength: 100 },
            password: { type: 'string', minLength: 8, maxLength: 128 },
            role: { type: 'string' },
          },
        }),
        responses: { '201': json(ref('User'), 'Created'), ...errors(400, 401, 403, 409) },
      },
    },
    '/api/users/{id}': {
      get: {
        summary: 'Get a user',
        tags: ['users'],
        security: bearer,
        'x-permission': 'USERS:READ',
        parameters: [pathId()],
        responses: { '200': json(ref('User')), ...errors(400, 401, 403, 404) },
      },
      patch: {
        summary: 'Rename a user or change their role',
        tags: ['users'],
        security: bearer,
        'x-permission': 'USERS:UPDATE',
        parameters: [pathId()],
        requestBody: body({
          type: 'object',
          additionalProperties: false,
          properties: { name: { type: 'string', maxLength: 100 }, role: { type: 'string' } },
        }),
        responses: { '200': json(ref('User')), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        summary: 'Delete a user (removes them from groups, revokes their API keys)',
        tags: ['users'],
        security: bearer,
        'x-permission': 'USERS:DELETE',
        parameters: [pathId()],
        responses: { '204': { description: 'Deleted' }, ...errors(400, 401, 403, 404, 409) },
      },
    },
  },
};
