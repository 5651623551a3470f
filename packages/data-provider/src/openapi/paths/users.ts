import { ROLE_NAME_PATTERN } from '../../permissions';
import { bearer, body, dateTime, errors, json, listParams, objectId, pageOf, pathId, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const roleName = { type: 'string', pattern: ROLE_NAME_PATTERN.source };
const user = {
  type: 'object',
  required: ['id', 'organizationId', 'email', 'name', 'role', 'createdAt', 'updatedAt'],
  properties: {
    id: objectId,
    organizationId: objectId,
    email: { type: 'string', format: 'email' },
    name: { type: 'string' },
    role: roleName,
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const createUser = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', format: 'email' },
    name: { type: 'string', maxLength: 100 },
    password: { type: 'string', minLength: 8, maxLength: 128, writeOnly: true },
    role: { ...roleName, description: 'USER when absent' },
  },
};
const updateUser = {
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', maxLength: 100 }, role: roleName },
};
const tags = ['users'];

export const userPaths: OpenApiModule = {
  tag: { name: 'users', description: 'Users of the caller’s organisation (admin)' },
  schemas: { User: user, ...pageOf('User'), CreateUser: createUser, UpdateUser: updateUser },
  paths: {
    '/api/users': {
      get: {
        summary: 'List users, newest first',
        operationId: 'listUsers',
        tags,
        security: bearer,
        'x-permission': 'USERS:READ',
        parameters: [...listParams, { name: 'search', in: 'query', description: 'Prefix of email or name', schema: { type: 'string' } }],
        responses: { '200': json(ref('UserPage')), ...errors(403) },
      },
      post: {
        summary: 'Create a user',
        operationId: 'createUser',
        tags,
        security: bearer,
        'x-permission': 'USERS:CREATE',
        requestBody: body(ref('CreateUser')),
        responses: { '201': json(ref('User'), 'Created'), ...errors(403, 409) },
      },
    },
    '/api/users/{id}': {
      get: {
        summary: 'Get a user',
        operationId: 'getUser',
        tags,
        security: bearer,
        'x-permission': 'USERS:READ',
        parameters: [pathId()],
        responses: { '200': json(ref('User')), ...errors(403, 404) },
      },
      patch: {
        summary: 'Rename a user or change their role',
        operationId: 'updateUser',
        tags,
        security: bearer,
        'x-permission': 'USERS:UPDATE',
        parameters: [pathId()],
        requestBody: body(ref('UpdateUser')),
        responses: { '200': json(ref('User')), ...errors(403, 404, 409) },
      },
      delete: {
        summary: 'Delete a user (removes them from groups, revokes their API keys)',
        operationId: 'deleteUser',
        tags,
        security: bearer,
        'x-permission': 'USERS:DELETE',
        parameters: [pathId()],
        responses: { '204': { description: 'Deleted' }, ...errors(403, 404, 409) },
      },
    },
  },
};
