import { bearer, body, dateTime, errors, json, listOf, listParams, objectId, pathId, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const memberRole = { type: 'string', enum: ['member', 'admin'] };
const member = { type: 'object', required: ['userId', 'role'], properties: { userId: objectId, role: memberRole } };
const group = {
  type: 'object',
  required: ['id', 'organizationId', 'name', 'description', 'members', 'createdAt', 'updatedAt'],
  properties: {
    id: objectId,
    organizationId: objectId,
    name: { type: 'string' },
    description: { type: 'string' },
    members: { type: 'array', items: ref('GroupMember') },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const tags = ['groups'];

export const groupPaths: OpenApiModule = {
  tag: { name: 'groups', description: 'Groups (teams) of the caller’s organisation (admin)' },
  schemas: { Group: group, GroupMember: member },
  paths: {
    '/api/groups': {
      get: {
        summary: 'List groups, newest first',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:READ',
        parameters: [...listParams, { name: 'search', in: 'query', description: 'Prefix of the name', schema: { type: 'string' } }],
        responses: { '200': json(listOf(ref('Group'))), ...errors(400, 401, 403) },
      },
      post: {
        summary: 'Create a group',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:CREATE',
        requestBody: body({
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            description: { type: 'string', maxLength: 1000 },
            members: { type: 'array', items: ref('GroupMember') },
          },
        }),
        responses: { '201': json(ref('Group'), 'Created'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    '/api/groups/{id}': {
      get: {
        summary: 'Get a group',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:READ',
        parameters: [pathId()],
        responses: { '200': json(ref('Group')), ...errors(400, 401, 403, 404) },
      },
      patch: {
        summary: 'Rename or describe a group',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:UPDATE',
        parameters: [pathId()],
        requestBody: body({
          type: 'object',
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, description: { type: 'string', maxLength: 1000 } },
        }),
        responses: { '200': json(ref('Group')), ...errors(400, 401, 403, 404, 409) },
      },
      delete: {
        summary: 'Delete a group',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:DELETE',
        parameters: [pathId()],
        responses: { '204': { description: 'Deleted' }, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/groups/{id}/members': {
      post: {
        summary: 'Add a member (or change their member role)',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:UPDATE',
        parameters: [pathId()],
        requestBody: body({
          type: 'object',
          required: ['userId'],
          additionalProperties: false,
          properties: { userId: objectId, role: memberRole },
        }),
        responses: { '200': json(ref('Group')), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/groups/{id}/members/{userId}': {
      delete: {
        summary: 'Remove a member',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:UPDATE',
        parameters: [pathId(), pathId('userId')],
        responses: { '200': json(ref('Group')), ...errors(400, 401, 403, 404) },
      },
    },
  },
};
