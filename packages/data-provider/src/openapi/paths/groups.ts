import { GroupMemberRole } from '../../groups';
import { bearer, body, dateTime, errors, json, listParams, objectId, pageOf, pathId, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const memberRole = { type: 'string', enum: Object.values(GroupMemberRole) };
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
const name = { type: 'string', minLength: 1, maxLength: 100 };
const description = { type: 'string', maxLength: 1000 };
const createGroup = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name, description, members: { type: 'array', items: ref('AddGroupMember') } },
};
const addMember = {
  type: 'object',
  required: ['userId'],
  additionalProperties: false,
  properties: { userId: objectId, role: { ...memberRole, description: 'member when absent' } },
};
const tags = ['groups'];

export const groupPaths: OpenApiModule = {
  tag: { name: 'groups', description: 'Groups (teams) of the caller’s organisation (admin)' },
  schemas: {
    Group: group,
    GroupMember: member,
    ...pageOf('Group'),
    CreateGroup: createGroup,
    UpdateGroup: { type: 'object', additionalProperties: false, properties: { name, description } },
    AddGroupMember: addMember,
  },
  paths: {
    '/api/groups': {
      get: {
        summary: 'List groups, newest first',
        operationId: 'listGroups',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:READ',
        parameters: [...listParams, { name: 'search', in: 'query', description: 'Prefix of the name', schema: { type: 'string' } }],
        responses: { '200': json(ref('GroupPage')), ...errors(403) },
      },
      post: {
        summary: 'Create a group',
        operationId: 'createGroup',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:CREATE',
        requestBody: body(ref('CreateGroup')),
        responses: { '201': json(ref('Group'), 'Created'), ...errors(403, 404, 409) },
      },
    },
    '/api/groups/{id}': {
      get: {
        summary: 'Get a group',
        operationId: 'getGroup',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:READ',
        parameters: [pathId()],
        responses: { '200': json(ref('Group')), ...errors(403, 404) },
      },
      patch: {
        summary: 'Rename or describe a group',
        operationId: 'updateGroup',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:UPDATE',
        parameters: [pathId()],
        requestBody: body(ref('UpdateGroup')),
        responses: { '200': json(ref('Group')), ...errors(403, 404, 409) },
      },
      delete: {
        summary: 'Delete a group',
        operationId: 'deleteGroup',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:DELETE',
        parameters: [pathId()],
        responses: { '204': { description: 'Deleted' }, ...errors(403, 404) },
      },
    },
    '/api/groups/{id}/members': {
      post: {
        summary: 'Add a member (or change their member role)',
        operationId: 'addGroupMember',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:UPDATE',
        parameters: [pathId()],
        requestBody: body(ref('AddGroupMember')),
        responses: { '200': json(ref('Group')), ...errors(403, 404) },
      },
    },
    '/api/groups/{id}/members/{userId}': {
      delete: {
        summary: 'Remove a member',
        operationId: 'removeGroupMember',
        tags,
        security: bearer,
        'x-permission': 'GROUPS:UPDATE',
        parameters: [pathId(), pathId('userId')],
        responses: { '200': json(ref('Group')), ...errors(403, 404) },
      },
    },
  },
};
