import { REFRESH_COOKIE_NAME } from '../auth';
import { ErrorCode } from '../errors';
import { completeOperation } from './conventions';
import { ERROR_RESPONSE, json, ref } from './helpers';
import { openApiModules } from './paths';
import type { HttpMethod, JsonSchema, OpenApiDocument, OpenApiDocumentOptions, OpenApiPathItem } from './types';

const errorDetail: JsonSchema = {
  type: 'object',
  required: ['field', 'location', 'message'],
  properties: {
    field: { type: 'string', description: 'Dotted path of the input field, e.g. `config.url`; empty for the body as a whole' },
    location: { type: 'string', description: 'Where the field is: body, query or params' },
    message: { type: 'string' },
  },
};

const errorEnvelope: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', enum: Object.values(ErrorCode), description: 'Stable machine-readable code' },
        message: { type: 'string' },
        details: { type: 'array', items: ref('ErrorDetail') },
        requestId: { type: 'string' },
      },
    },
  },
};

const securitySchemes = {
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A short-lived access token from login or refresh' },
  apiKeyAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: 'An API key (mcpr_…) sent as a bearer token, for admin HTTP clients' },
  refreshCookie: { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE_NAME, description: 'The httpOnly refresh token set by login' },
};

function completePathItem(item: OpenApiPathItem, tag: string): OpenApiPathItem {
  const methods = Object.keys(item) as HttpMethod[];
  return Object.fromEntries(methods.map((m) => [m, completeOperation(item[m]!, tag)]));
}

/** Assembles the OpenAPI 3.1 document from the per-resource modules. */
export function buildOpenApiDocument(options: OpenApiDocumentOptions = {}): OpenApiDocument {
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'mcp-registry',
      version: options.version ?? '0.1.0',
      description: 'Manage MCP servers for an organisation.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This service' }, ...(options.publicUrl ? [{ url: options.publicUrl, description: 'Public URL' }] : [])],
    tags: [],
    paths: {},
    components: {
      schemas: { ErrorEnvelope: errorEnvelope, ErrorDetail: errorDetail },
      securitySchemes,
      responses: { [ERROR_RESPONSE]: json(ref('ErrorEnvelope'), 'The error envelope') },
    },
  };
  for (const mod of openApiModules) {
    doc.tags.push(mod.tag);
    Object.assign(doc.components.schemas, mod.schemas ?? {});
    for (const [path, item] of Object.entries(mod.paths)) {
      doc.paths[path] = { ...doc.paths[path], ...completePathItem(item, mod.tag.name) };
    }
  }
  return doc;
}
