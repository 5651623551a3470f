import type { JsonSchema, OpenApiOperation, OpenApiParameter, OpenApiResponse } from './types';

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const objectId: JsonSchema = { type: 'string', pattern: '^[0-9a-fA-F]{24}$' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });

export function json(schema: JsonSchema, description = 'OK'): OpenApiResponse {
  return { description, content: { 'application/json': { schema } } };
}

export function body(schema: JsonSchema): NonNullable<OpenApiOperation['requestBody']> {
  return { required: true, content: { 'application/json': { schema } } };
}

/** `{ data, has_more, after }` of the given item schema. */
export function listOf(item: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'has_more', 'after'],
    properties: { data: { type: 'array', items: item }, has_more: { type: 'boolean' }, after: nullable({ type: 'string' }) },
  };
}

export function pathId(name = 'id', description = 'ObjectId'): OpenApiParameter {
  return { name, in: 'path', required: true, description, schema: objectId };
}

export function pathString(name: string, description: string): OpenApiParameter {
  return { name, in: 'path', required: true, description, schema: { type: 'string' } };
}

export const listParams: OpenApiParameter[] = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
  { name: 'after', in: 'query', description: 'Opaque cursor from the previous page', schema: { type: 'string' } },
];

const errorRef = (description: string): OpenApiResponse => json({ $ref: '#/components/schemas/ErrorEnvelope' }, description);

const errorDescriptions: Record<number, string> = {
  400: 'Validation failed',
  401: 'Not authenticated',
  403: 'Missing role permission',
  404: 'Not found or not visible',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Rate limited',
  502: 'Upstream unavailable',
};

/** Error responses, all with the error envelope. */
export function errors(...statuses: number[]): Record<string, OpenApiResponse> {
  return Object.fromEntries(statuses.map((s) => [String(s), errorRef(errorDescriptions[s] ?? 'Error')]));
}

export const bearer: OpenApiOperation['security'] = [{ bearerAuth: [] }];
export const noAuth: OpenApiOperation['security'] = [];
