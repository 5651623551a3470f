import type {
  JsonSchema,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiRequestBody,
  OpenApiResponse,
  OpenApiResponseRef,
  SchemaRef,
} from './types';

/**
 * Building blocks for `paths/*.ts`. Conventions every operation follows (the lint and convention tests hold them):
 * - a unique camelCase `operationId` (generated clients name their methods after it);
 * - request and response bodies are named schemas: declare them in the module's `schemas` and point at them with
 *   `ref('Name')` (a list page is `pageOf('Item')` under the name `ItemPage`);
 * - error statuses come from `errors(...)`, all pointing at the one `ErrorResponse`; the document adds `400`,
 *   `default`, `401` for authenticated and `413` for body-carrying operations by itself (see `conventions.ts`);
 * - no `default` on input fields (generated input types would require them): say the default in the description;
 * - path parameters carry an `enum` or a `pattern`.
 */

export const ref = (name: string): SchemaRef => ({ $ref: `#/components/schemas/${name}` });

export const objectId: JsonSchema = { type: 'string', pattern: '^[0-9a-fA-F]{24}$' };
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });

export function json(schema: SchemaRef, description = 'OK'): OpenApiResponse {
  return { description, content: { 'application/json': { schema } } };
}

export function body(schema: SchemaRef): OpenApiRequestBody {
  return { required: true, content: { 'application/json': { schema } } };
}

/** `{ data, has_more, after }` of the given item schema. */
export function listOf(item: SchemaRef): JsonSchema {
  return {
    type: 'object',
    required: ['data', 'has_more', 'after'],
    properties: { data: { type: 'array', items: item }, has_more: { type: 'boolean' }, after: nullable({ type: 'string' }) },
  };
}

/** `{ ItemPage: { data: Item[], has_more, after } }`, to spread into a module's `schemas`; answer with `json(ref('ItemPage'))`. */
export function pageOf(item: string): Record<string, JsonSchema> {
  return { [`${item}Page`]: listOf(ref(item)) };
}

export function pathId(name = 'id', description = 'ObjectId'): OpenApiParameter {
  return { name, in: 'path', required: true, description, schema: objectId };
}

/** A path parameter is always constrained: an enum of its values or a pattern. */
export type ConstrainedString =
  | { type: 'string'; enum: readonly string[] }
  | { type: 'string'; pattern: string; minLength?: number; maxLength?: number };

export function pathParam(name: string, description: string, schema: ConstrainedString): OpenApiParameter {
  return { name, in: 'path', required: true, description, schema };
}

/** A boolean query flag; the server accepts true, false, 1 and 0. */
export function booleanQuery(name: string, description: string): OpenApiParameter {
  return { name, in: 'query', description: `${description} (true, false, 1 or 0; absent means false)`, schema: { type: 'boolean' } };
}

export const listParams: OpenApiParameter[] = [
  { name: 'limit', in: 'query', description: 'Page size, 1 to 100; 20 when absent', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'after', in: 'query', description: 'Opaque cursor from the previous page', schema: { type: 'string' } },
];

export const ERROR_RESPONSE = 'ErrorResponse';

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request (VALIDATION_FAILED, or a more specific 400 code)',
  401: 'Not authenticated',
  403: 'Missing role permission',
  404: 'Not found or not visible',
  409: 'Conflict',
  413: 'Body larger than 1 MB',
  415: 'Body not UTF-8 JSON',
  429: 'Rate limited',
  500: 'Internal error',
  502: 'Upstream unavailable',
  503: 'Service unavailable',
};

export function errorResponse(status: number | 'default'): OpenApiResponseRef {
  const description = status === 'default' ? 'Any other error' : (errorDescriptions[status] ?? 'Error');
  return { $ref: `#/components/responses/${ERROR_RESPONSE}`, description };
}

/** Error responses, all the shared `ErrorResponse` (the error envelope). */
export function errors(...statuses: number[]): Record<string, OpenApiResponseRef> {
  return Object.fromEntries(statuses.map((s) => [String(s), errorResponse(s)]));
}

/** `Authorization: Bearer <access token (JWT) | API key>`: either scheme satisfies an authenticated operation. */
export const bearer: OpenApiOperation['security'] = [{ bearerAuth: [] }, { apiKeyAuth: [] }];
/** The httpOnly refresh-token cookie set by login. */
export const refreshCookie: OpenApiOperation['security'] = [{ refreshCookie: [] }];
export const noAuth: OpenApiOperation['security'] = [];
