import { bearer, body, dateTime, errors, json, listParams, nullable, objectId, pageOf, pathId, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const apiKey = {
  type: 'object',
  required: ['id', 'organizationId', 'userId', 'name', 'prefix', 'lastUsedAt', 'expiresAt', 'createdAt'],
  properties: {
    id: objectId,
    organizationId: objectId,
    userId: objectId,
    name: { type: 'string' },
    prefix: { type: 'string' },
    lastUsedAt: nullable(dateTime),
    expiresAt: nullable(dateTime),
    createdAt: dateTime,
  },
};
const tags = ['apiKeys'];

export const apiKeyPaths: OpenApiModule = {
  tag: { name: 'apiKeys', description: 'API keys: a user manages their own, an admin any in the organisation' },
  schemas: {
    ApiKey: apiKey,
    ...pageOf('ApiKey'),
    CreatedApiKey: {
      ...apiKey,
      required: [...apiKey.required, 'key'],
      properties: { ...apiKey.properties, key: { type: 'string', description: 'The secret; shown once' } },
    },
    CreateApiKey: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        expiresAt: { ...dateTime, description: 'Never expires when absent' },
        userId: { ...objectId, description: 'An admin may create a key for another user; the caller when absent' },
      },
    },
  },
  paths: {
    '/api/keys': {
      get: {
        summary: 'List active API keys (own; an admin may pass userId)',
        operationId: 'listApiKeys',
        tags,
        security: bearer,
        'x-permission': 'API_KEYS:READ',
        parameters: [...listParams, { name: 'userId', in: 'query', schema: objectId }],
        responses: { '200': json(ref('ApiKeyPage')), ...errors(403, 404) },
      },
      post: {
        summary: 'Create an API key; the secret is returned once',
        operationId: 'createApiKey',
        tags,
        security: bearer,
        'x-permission': 'API_KEYS:CREATE',
        requestBody: body(ref('CreateApiKey')),
        responses: { '201': json(ref('CreatedApiKey'), 'Created'), ...errors(403, 404) },
      },
    },
    '/api/keys/{id}': {
      delete: {
        summary: 'Revoke an API key',
        operationId: 'revokeApiKey',
        tags,
        security: bearer,
        'x-permission': 'API_KEYS:DELETE',
        parameters: [pathId()],
        responses: { '204': { description: 'Revoked' }, ...errors(403, 404) },
      },
    },
  },
};
