/** The subset of OpenAPI 3.1 this project writes. Schemas are plain JSON Schema objects. */
export type JsonSchema = Record<string, unknown>;

/** `{ $ref: '#/components/schemas/Name' }`: request and response bodies are always named schemas. */
export type SchemaRef = { $ref: `#/components/schemas/${string}` };

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema: SchemaRef }>;
  headers?: Record<string, { description?: string; schema: JsonSchema }>;
}

/** A reference to a shared response (`#/components/responses/ErrorResponse`), with this status's description. */
export interface OpenApiResponseRef {
  $ref: `#/components/responses/${string}`;
  description?: string;
}

export interface OpenApiRequestBody {
  required: boolean;
  content: Record<string, { schema: SchemaRef }>;
}

export interface OpenApiOperation {
  summary: string;
  description?: string;
  /** Defaults to the module's tag. */
  tags?: string[];
  /** Stable, unique, camelCase: generated clients name their methods after it. */
  operationId: string;
  security: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: OpenApiRequestBody;
  responses: Record<string, OpenApiResponse | OpenApiResponseRef>;
  /** The role permission the route checks, e.g. `USERS:READ`; informational. */
  'x-permission'?: string;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

/** One resource's paths, keyed by OpenAPI path (`/api/users/{id}`). */
export type OpenApiPaths = Record<string, OpenApiPathItem>;

export interface OpenApiModule {
  tag: { name: string; description: string };
  paths: OpenApiPaths;
  schemas?: Record<string, JsonSchema>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string; description: string }>;
  paths: OpenApiPaths;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, unknown>>;
    responses: Record<string, OpenApiResponse>;
  };
}

export interface OpenApiDocumentOptions {
  version?: string;
  /** The service's public URL (`PUBLIC_URL`), listed after `/` in `servers`. */
  publicUrl?: string;
}
