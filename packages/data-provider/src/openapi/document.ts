import { openApiModules } from './paths';
import type { OpenApiDocument } from './types';

const errorEnvelope = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['VALIDATION_FAILED', 'NOT_FOUND'] },
        message: { type: 'string' },
        details: {},
        requestId: { type: 'string' },
      },
    },
  },
};

/** Assembles the OpenAPI 3.1 document from the per-resource modules. */
export function buildOpenApiDocument(version = '0.1.0'): OpenApiDocument {
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: 'mcp-registry', version, description: 'Manage MCP servers for an organisation.' },
    tags: [],
    paths: {},
    components: {
      schemas: { ErrorEnvelope: errorEnvelope },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An access token (JWT) or an API key (mcpr_…)' },
      },
      parameters: {},
      responses: {},
    },
  };
  for (const mod of openApiModules) {
    doc.tags.push(mod.tag);
    Object.assign(doc.components.schemas, mod.schemas ?? {});
    for (const [path, item] of Object.entries(mod.paths)) {
      doc.paths[path] = { ...doc.paths[path], ...item };
    }
  }
  return doc;
}
