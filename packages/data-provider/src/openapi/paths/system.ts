import { json, noAuth, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const status = (value: string): Record<string, unknown> => ({
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: [value] } },
});

export const systemPaths: OpenApiModule = {
  tag: { name: 'system', description: 'Liveness, readiness and this document' },
  schemas: {
    HealthStatus: status('ok'),
    ReadyStatus: status('ready'),
    UnavailableStatus: status('unavailable'),
    OpenApiDocument: {
      type: 'object',
      required: ['openapi', 'info', 'paths'],
      description: 'An OpenAPI 3.1 document',
      properties: { openapi: { type: 'string' }, info: { type: 'object' }, paths: { type: 'object' } },
      additionalProperties: true,
    },
  },
  paths: {
    '/health': {
      get: {
        summary: 'The process is up',
        operationId: 'getHealth',
        security: noAuth,
        responses: { '200': json(ref('HealthStatus')) },
      },
    },
    '/ready': {
      get: {
        summary: 'The database answers a ping',
        operationId: 'getReadiness',
        security: noAuth,
        responses: { '200': json(ref('ReadyStatus')), '503': json(ref('UnavailableStatus'), 'Database unavailable') },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'This OpenAPI 3.1 document',
        operationId: 'getOpenApiDocument',
        security: noAuth,
        responses: { '200': json(ref('OpenApiDocument')) },
      },
    },
  },
};
