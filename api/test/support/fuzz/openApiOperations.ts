import fc from 'fast-check';

type Json = Record<string, unknown>;

export interface FuzzParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Json;
}

export interface FuzzOperation {
  method: string;
  /** OpenAPI path template, `/api/users/{id}`. */
  template: string;
  secured: boolean;
  parameters: FuzzParameter[];
  /** The JSON request body's schema, refs resolved lazily through `resolve`. */
  bodySchema: Json | undefined;
}

export type FieldPath = Array<string | number>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const MAX_FIELD_DEPTH = 5;

/** Reads operations, parameters and schemas out of a served OpenAPI 3.x document, whatever it describes. */
export class OpenApiReader {
  constructor(private readonly doc: Json) {}

  resolve(node: unknown): Json {
    let current = (node ?? {}) as Json;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops += 1) {
      const segments = current.$ref.replace(/^#\//, '').split('/');
      current = segments.reduce<Json>((at, key) => (at[key] ?? {}) as Json, this.doc);
    }
    return current;
  }

  operations(): FuzzOperation[] {
    const paths = (this.doc.paths ?? {}) as Record<string, Json>;
    const globalSecurity = this.doc.security as unknown[] | undefined;
    return Object.entries(paths).flatMap(([template, rawItem]) => {
      const item = this.resolve(rawItem);
      const shared = (item.parameters as unknown[] | undefined) ?? [];
      return METHODS.filter((m) => item[m]).map((method) => {
        const op = this.resolve(item[method]);
        const security = (op.security as unknown[] | undefined) ?? globalSecurity ?? [];
        const body = this.resolve(op.requestBody);
        const content = (body.content ?? {}) as Record<string, Json>;
        const json = Object.entries(content).find(([type]) => type.includes('json'))?.[1];
        return {
          method: method.toUpperCase(),
          template,
          secured: security.length > 0,
          parameters: this.parametersOf([...shared, ...((op.parameters as unknown[] | undefined) ?? [])]),
          bodySchema: json ? this.resolve(json.schema) : undefined,
        };
      });
    });
  }

  private parametersOf(raw: unknown[]): FuzzParameter[] {
    return raw.map((p) => {
      const param = this.resolve(p);
      return {
        name: String(param.name),
        in: param.in as FuzzParameter['in'],
        required: param.required === true,
        schema: this.resolve(param.schema),
      };
    });
  }

  /** The first alternative of a oneOf/anyOf that is not `null`. */
  private concrete(schema: unknown): Json {
    const s = this.resolve(schema);
    const options = (s.oneOf ?? s.anyOf ?? s.allOf) as unknown[] | undefined;
    if (!options) return s;
    const picked = options.map((o) => this.resolve(o)).find((o) => o.type !== 'null');
    return picked ? this.concrete(picked) : s;
  }

  private typeOf(schema: Json): string | undefined {
    const type = schema.type;
    if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
    if (typeof type === 'string') return type;
    if (schema.properties || schema.additionalProperties) return 'object';
    return undefined;
  }

  /** A value the schema accepts as far as the document says (required properties only). */
  sample(schema: unknown, seed: number): unknown {
    const s = this.concrete(schema);
    if (s.const !== undefined) return s.const;
    if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
    if (s.default !== undefined) return s.default;
    switch (this.typeOf(s)) {
      case 'object': {
        const properties = (s.properties ?? {}) as Record<string, unknown>;
        const required = (s.required as string[] | undefined) ?? [];
        return Object.fromEntries(required.filter((k) => k in properties).map((k) => [k, this.sample(properties[k], seed)]));
      }
      case 'array':
        return [];
      case 'integer':
      case 'number':
        return typeof s.minimum === 'number' ? s.minimum : 1;
      case 'boolean':
        return true;
      default:
        return sampleString(s, seed);
    }
  }

  /** Every field a body can carry: nested properties, one array element, one entry of a map. */
  fieldPaths(schema: unknown, prefix: FieldPath = []): FieldPath[] {
    if (prefix.length >= MAX_FIELD_DEPTH) return [];
    const s = this.concrete(schema);
    const type = this.typeOf(s);
    if (type === 'array') {
      const item: FieldPath = [...prefix, 0];
      return [item, ...this.fieldPaths(s.items, item)];
    }
    if (type !== 'object') return [];
    const properties = Object.entries((s.properties ?? {}) as Record<string, unknown>);
    const own = properties.flatMap(([key, child]) => {
      const path: FieldPath = [...prefix, key];
      return [path, ...this.fieldPaths(child, path)];
    });
    if (typeof s.additionalProperties !== 'object') return own;
    const entry: FieldPath = [...prefix, 'FUZZ_KEY'];
    return [...own, entry, ...this.fieldPaths(s.additionalProperties, entry)];
  }

  /** The schema at a field path (for a valid value to mutate around). */
  schemaAt(schema: unknown, path: FieldPath): Json {
    return path.reduce<Json>((at, key) => {
      const s = this.concrete(at);
      if (typeof key === 'number') return this.resolve(s.items);
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      return this.resolve(properties[key] ?? s.additionalProperties);
    }, this.resolve(schema));
  }
}

function sampleString(schema: Json, seed: number): string {
  if (schema.format === 'email') return 'fuzz@example.test';
  if (schema.format === 'uri') return 'https://mcp.example.com/mcp';
  if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const [value] = fc.sample(fc.stringMatching(pattern, { size: 'xsmall' }), { numRuns: 1, seed });
    return value ?? 'fuzz';
  }
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return 'fuzz'.padEnd(min, 'z');
}
