import { bearer, dateTime, errors, json, listParams, nullable, objectId, pageOf, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const entry = {
  type: 'object',
  required: ['id', 'organizationId', 'actorId', 'action', 'targetType', 'targetId', 'details', 'requestId', 'createdAt'],
  properties: {
    id: objectId,
    organizationId: objectId,
    actorId: nullable(objectId),
    action: { type: 'string' },
    targetType: nullable({ type: 'string' }),
    targetId: nullable({ type: 'string' }),
    details: { type: 'object' },
    requestId: nullable({ type: 'string' }),
    createdAt: dateTime,
  },
};

export const auditPaths: OpenApiModule = {
  tag: { name: 'audit', description: 'The organisation’s audit log (admin)' },
  schemas: { AuditEntry: entry, ...pageOf('AuditEntry') },
  paths: {
    '/api/admin/audit': {
      get: {
        summary: 'List audit entries, newest first',
        operationId: 'listAuditEntries',
        security: bearer,
        'x-permission': 'AUDIT:READ',
        parameters: [
          ...listParams,
          { name: 'action', in: 'query', schema: { type: 'string' } },
          { name: 'actorId', in: 'query', schema: objectId },
        ],
        responses: { '200': json(ref('AuditEntryPage')), ...errors(403) },
      },
    },
  },
};
