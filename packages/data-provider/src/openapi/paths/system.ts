import { json, noAuth, errors } from '../helpers';
import type { OpenApiModule } from '../types';

export const systemPaths: OpenApiModule = {
  tag: { name: 'system', description: 'Liveness, readiness and this document' },
  paths: {
    '/health': {
      get: {
        summary: 'The process is up',
        tags: ['system'],
        security: noAuth,
        responses: { '200': json({ type: 'object', properties: { status: { const: 'ok' } } }) },
      },
    },
    '/ready': {
      get: {
        summary: 'The database answers a ping',
        tags: ['system'],
        security: noAuth,
        responses: {
          '200': json({ type: 'object', properties: { status: { const: 'ready' } } }),
          '503': json({ type: 'object', properties: { status: { const: 'unavailable' } } }, 'Database unavailable'),
        },
      },
    },
    '/api/openapi.json': {
      get: {
        summary: 'This OpenAPI 3.1 document',
        tags: ['system'],
        security: noAuth,
        responses: { '200': json({ type: 'object' }), ...errors(429) },
      },
    },
  },
};
