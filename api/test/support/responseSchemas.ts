import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema, OpenApiDocument, OpenApiOperation, OpenApiResponse, OpenApiResponseRef } from '@mcp-registry/data-provider';

export interface ObservedResponse {
  method: string;
  /** The OpenAPI path template, e.g. `/api/mcp_server/{id}`. */
  path: string;
  status: number;
  body: unknown;
}

/**
 * A copy of the schemas in which an object that lists its properties and says nothing about others refuses any
 * other: a response field the document does not describe is a failure here, although generated clients are told
 * nothing of the kind.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const schema = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closeObjects(v)])) as JsonSchema;
  const open = 'additionalProperties' in schema || 'unevaluatedProperties' in schema;
  return schema.properties && schema.type === 'object' && !open ? { ...schema, unevaluatedProperties: false } : schema;
}

function responseOf(doc: OpenApiDocument, declared: OpenApiResponse | OpenApiResponseRef): OpenApiResponse | undefined {
  if (!('$ref' in declared)) return declared;
  return doc.components.responses[declared.$ref.replace('#/components/responses/', '')];
}

/** Checks observed responses against what the document declares for that operation and status (not `default`). */
export function createResponseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: { schemas: closeObjects(doc.components.schemas) } });
  const compiled = new Map<string, ValidateFunction>();

  function validatorFor(ref: string): ValidateFunction {
    const known = compiled.get(ref);
    if (known) return known;
    const validate = ajv.compile({ $ref: `openapi${ref}` });
    compiled.set(ref, validate);
    return validate;
  }

  /** Problems with one response; empty when it is exactly what the document declares. */
  return function problemsOf(observed: ObservedResponse): string[] {
    const where = `${observed.method} ${observed.path} ${observed.status}`;
    const op = doc.paths[observed.path]?.[observed.method.toLowerCase() as keyof (typeof doc.paths)[string]] as OpenApiOperation | undefined;
    if (!op) return [`${where}: no such operation in the document`];
    const declared = op.responses[String(observed.status)];
    if (!declared) return [`${where}: status not declared`];
    const schema = responseOf(doc, declared)?.content?.['application/json']?.schema;
    if (!schema) return observed.body === null ? [] : [`${where}: a body where the document declares none`];
    const validate = validatorFor(schema.$ref);
    if (validate(observed.body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}
