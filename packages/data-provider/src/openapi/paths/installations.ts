import {
  CUSTOM_USER_VAR_NAME_PATTERN,
  CUSTOM_USER_VAR_VALUE_MAX_LENGTH,
  CUSTOM_USER_VARS_MAX_COUNT,
  IMMUTABLE_INSTALLATION_FIELDS,
  InstallationStatus,
  installationScopeList,
} from '../../installations';
import { bearer, body, dateTime, errors, json, listParams, nullable, objectId, pageOf, pathId, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const scope = { type: 'string', enum: [...installationScopeList] };
const installation = {
  type: 'object',
  required: [
    'id',
    'catalogId',
    'serverName',
    'scope',
    'ownerId',
    'teamId',
    'installedBy',
    'users',
    'userDetails',
    'installedByDetails',
    'teamDetails',
    'status',
    'hasCustomUserVars',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: objectId,
    catalogId: { ...objectId, description: 'The MCP server (catalog entry) installed' },
    serverName: { type: 'string' },
    scope,
    ownerId: { ...nullable(objectId), description: 'Personal scope: the user it was installed for (compare it to detect drift)' },
    teamId: { ...nullable(objectId), description: 'Team scope: the group' },
    installedBy: { ...objectId, description: 'Who created it, e.g. an admin installing for someone else' },
    users: { type: 'array', items: objectId, description: 'Users assigned to the installation' },
    userDetails: { type: 'array', items: ref('InstallationUser') },
    installedByDetails: { ...nullable(ref('InstallationUser')), description: 'Name and email of installedBy; null once that account is deleted' },
    teamDetails: nullable(ref('InstallationTeam')),
    status: { type: 'string', enum: Object.values(InstallationStatus) },
    hasCustomUserVars: { type: 'boolean', description: 'Values are write-only' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};
const installationUser = {
  type: 'object',
  required: ['userId', 'email', 'name'],
  properties: { userId: objectId, email: { type: 'string' }, name: { type: 'string' } },
};
const installationTeam = { type: 'object', required: ['id', 'name'], properties: { id: objectId, name: { type: 'string' } } };
const createInstallation = {
  type: 'object',
  required: ['catalogId'],
  additionalProperties: false,
  properties: {
    catalogId: objectId,
    scope: { ...scope, description: 'personal when absent' },
    userId: {
      ...objectId,
      description:
        'Personal scope only: install for this user of the organisation. Needs MCP_SERVER_INSTALLATIONS:ADMIN unless it is the caller. Omit it (never send "" or null) to install for yourself.',
    },
    teamId: { ...objectId, description: 'Required with scope "team", refused otherwise' },
    customUserVars: ref('CustomUserVars'),
  },
};
const customUserVars = {
  type: 'object',
  maxProperties: CUSTOM_USER_VARS_MAX_COUNT,
  propertyNames: { pattern: CUSTOM_USER_VAR_NAME_PATTERN.source },
  additionalProperties: { type: 'string', maxLength: CUSTOM_USER_VAR_VALUE_MAX_LENGTH },
  writeOnly: true,
  description: 'Variable name → value. Write-only values, stored encrypted',
};
const updateInstallation = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: `Only these fields may change; ${IMMUTABLE_INSTALLATION_FIELDS.join(', ')} are refused by name (400): remove the installation and install again.`,
  properties: {
    customUserVars: { ...nullable(ref('CustomUserVars')), description: 'Replaces every stored value; null clears them' },
    status: {
      type: 'string',
      enum: Object.values(InstallationStatus),
      description: 'When absent and customUserVars is sent: active if every variable the server declares has a value, else needs_configuration. active with a declared variable left without a value is 400.',
    },
  },
};
const tags = ['installations'];

export const installationPaths: OpenApiModule = {
  tag: { name: 'installations', description: 'MCP server installations: personal, team and organisation-wide' },
  schemas: {
    Installation: installation,
    ...pageOf('Installation'),
    InstallationUser: installationUser,
    InstallationTeam: installationTeam,
    CreateInstallation: createInstallation,
    UpdateInstallation: updateInstallation,
    CustomUserVars: customUserVars,
  },
  paths: {
    '/api/mcp_server': {
      get: {
        summary: 'List visible installations, newest first (every installation of the organisation with ADMIN)',
        operationId: 'listInstallations',
        tags,
        security: bearer,
        'x-permission': 'MCP_SERVER_INSTALLATIONS:READ',
        parameters: [
          ...listParams,
          { name: 'catalogId', in: 'query', description: 'Only installations of this MCP server', schema: objectId },
          { name: 'userId', in: 'query', description: 'Only personal installations owned by this user', schema: objectId },
          { name: 'scope', in: 'query', schema: scope },
        ],
        responses: { '200': json(ref('InstallationPage')), ...errors(403) },
      },
      post: {
        summary: 'Install an MCP server (idempotent: an existing installation with the same key is returned with 200)',
        description:
          'The duplicate key is (catalogId, target user) for personal, (catalogId, teamId) for team and (catalogId, organisation) for org installations. ' +
          'Personal for another user (userId) and org scope need MCP_SERVER_INSTALLATIONS:ADMIN. Team scope: an ADMIN holder may install for any group of the organisation; ' +
          'anyone else must be an admin of the group, or a member holding MCP_SERVER_INSTALLATIONS:UPDATE.',
        operationId: 'createInstallation',
        tags,
        security: bearer,
        'x-permission': 'MCP_SERVER_INSTALLATIONS:CREATE',
        requestBody: body(ref('CreateInstallation')),
        responses: {
          '200': json(ref('Installation'), 'Already installed: the existing installation'),
          '201': json(ref('Installation'), 'Created'),
          ...errors(403, 404),
        },
      },
    },
    '/api/mcp_server/{id}': {
      get: {
        summary: 'Get a visible installation',
        operationId: 'getInstallation',
        tags,
        security: bearer,
        'x-permission': 'MCP_SERVER_INSTALLATIONS:READ',
        parameters: [pathId()],
        responses: { '200': json(ref('Installation')), ...errors(403, 404) },
      },
      patch: {
        summary: 'Change an installation’s custom user variables or status',
        description:
          'Needs MCP_SERVER_INSTALLATIONS:UPDATE and the same rights on the installation as DELETE: personal, its owner or an ADMIN holder; team, an ADMIN holder, a group admin or a member holding UPDATE; org, an ADMIN holder. Invisible installations are 404.',
        operationId: 'updateInstallation',
        tags,
        security: bearer,
        'x-permission': 'MCP_SERVER_INSTALLATIONS:UPDATE',
        parameters: [pathId()],
        requestBody: body(ref('UpdateInstallation')),
        responses: { '200': json(ref('Installation')), ...errors(403, 404) },
      },
      delete: {
        summary: 'Remove an installation with its assignments and stored credentials',
        description: 'The same rights as PATCH: an ADMIN holder may remove any installation of the organisation, team ones included.',
        operationId: 'deleteInstallation',
        tags,
        security: bearer,
        'x-permission': 'MCP_SERVER_INSTALLATIONS:DELETE',
        parameters: [pathId()],
        responses: { '204': { description: 'Deleted' }, ...errors(403, 404) },
      },
    },
  },
};
